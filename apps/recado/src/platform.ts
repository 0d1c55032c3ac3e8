import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createEmbeddedBus, type Bus, type Subscription } from '@recado/bus';
import { TOPIC_SPECS } from '@recado/contracts';
import { createDispatcher, createProjector, type Dispatcher } from '@recado/dispatcher';
import { startMetaSandbox, type MetaSandbox } from '@recado/meta-sandbox';
import { createDataSource, createPostgresEmbeddedLog, runMigrations } from '@recado/persistence';
import { createMetricsRegistry, serveOperationalRoute, type Logger } from '@recado/service-kit';
import { createWebhookIngest, type WebhookIngest } from '@recado/webhook-ingest';
import type { DataSource } from 'typeorm';
import type { PlatformConfig } from './config';
import { ensureDemoTenant } from './demo-tenant';
import { platformKeyRing } from './dev-key-ring';

export interface Platform {
  readonly urls: { readonly ops: string; readonly webhook: string; readonly sandbox: string };
  stop(): Promise<void>;
}

const PARTITIONS = new Map(Object.values(TOPIC_SPECS).map((spec) => [spec.name as string, spec.partitions]));

const listen = (server: Server, port: number): Promise<string> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
  });

/**
 * Recado in one process, with nothing installed: PGlite (or DATABASE_URL) holds the data and the
 * embedded bus's log, so a crash loses no event; the Meta sandbox stands in for Meta and posts its
 * webhooks to webhook-ingest; the dispatcher sends through the sandbox and projects what comes back.
 */
export async function startPlatform(config: PlatformConfig, logger: Logger): Promise<Platform> {
  mkdirSync(config.dataDir, { recursive: true });
  const dataSource: DataSource = await createDataSource(config.databaseUrl === undefined ? { kind: 'pglite', dataDir: config.pgliteDir } : { kind: 'postgres', url: config.databaseUrl });
  await runMigrations(dataSource);
  const ring = platformKeyRing(config.dataDir);
  const bus: Bus = createEmbeddedBus({ log: createPostgresEmbeddedLog(dataSource, { partitions: (topic) => PARTITIONS.get(topic) ?? 4 }), onError: (error) => logger.error('embedded bus storage failed; retrying', { error: String(error) }) });
  const registry = createMetricsRegistry('recado');
  const ready = async (): Promise<void> => void (await dataSource.query('SELECT 1'));

  const ingest: WebhookIngest = createWebhookIngest({
    settings: { path: '/webhook', verifyToken: config.verifyToken, appSecrets: [config.appSecret], bodyLimitBytes: 4 * 1024 * 1024, publishTimeoutMs: 15_000 },
    publish: (messages) => bus.publish(messages),
    ready,
    logger: logger.child({ component: 'webhook-ingest' }),
    registry,
  });
  const webhookUrl = await ingest.listen(config.webhookPort);
  const sandbox: MetaSandbox = await startMetaSandbox({ port: config.sandboxPort, accessToken: undefined, webhooks: { url: `${webhookUrl}/webhook`, appSecret: config.appSecret } });
  await ensureDemoTenant(dataSource, sandbox, ring);

  const dispatcher: Dispatcher = createDispatcher({
    dataSource, bus, registry, logger: logger.child({ component: 'dispatcher' }),
    settings: {
      group: 'recado-dispatcher', throughputPerSecond: undefined, sendConcurrency: 16, maxBatchSize: 200, concurrentPartitions: 12, heldSendsIntervalMs: 250, inDoubtGraceMs: 120_000,
      keyRing: ring, meta: { baseUrl: sandbox.url, graphApiVersion: 'v23.0', poolSize: 16, requestTimeoutMs: 15_000, fallbackAccessToken: undefined },
    },
  });
  await dispatcher.start();
  const projection: Subscription = await createProjector({ dataSource, bus, logger: logger.child({ component: 'projector' }) }).start();

  const ops = createServer((request, response) => {
    void serveOperationalRoute(request, response, { registry, ready }).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  const opsUrl = await listen(ops, config.opsPort);

  return {
    urls: { ops: opsUrl, webhook: `${webhookUrl}/webhook`, sandbox: sandbox.url },
    stop: async () => {
      await ingest.close();
      await Promise.all([dispatcher.stop(), projection.stop()]);
      await sandbox.stop();
      await bus.close();
      await new Promise((resolve) => ops.close(resolve));
      await dataSource.destroy();
    },
  };
}
