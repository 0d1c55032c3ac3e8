import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { coalescePublishes, createKafkaBus, type Bus, type Subscription } from '@recado/bus';
import { decodeKafkaMessage, TOPIC_SPECS, TOPICS, type CloudEvent } from '@recado/contracts';
import { startKafkaTestBroker, type KafkaTestBroker } from '@recado/kafka-test-broker';
import { createLogger } from '@recado/service-kit';
import { signatureHeader } from '../signature';
import { createWebhookIngest, type WebhookIngest } from '../webhook-ingest';

export const APP_SECRET = 'test-app-secret-1';
export const ROTATED_SECRET = 'test-app-secret-2';
export const VERIFY_TOKEN = 'verify-token-123';
export const BODY_LIMIT = 3 * 1024 * 1024 + 1024;

const WEBHOOK_TOPICS = [TOPICS.rawWebhooks, TOPICS.inboundMessages, TOPICS.messageStatuses, TOPICS.accountEvents, TOPICS.unclassifiedWebhooks];

/** The service on a real HTTP port, publishing to its own Kafka test broker, and a reader of what it published. */
export interface IngestRig {
  readonly url: string;
  readonly broker: KafkaTestBroker;
  readonly ingest: WebhookIngest;
  readonly events: CloudEvent[];
  readonly logLines: () => Record<string, unknown>[];
  eventsOf(type: string): CloudEvent[];
  waitForEvents(what: string, condition: (events: readonly CloudEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startIngestRig(options: { publishTimeoutMs?: number } = {}): Promise<IngestRig> {
  const broker = await startKafkaTestBroker({ brokers: 3, topics: Object.values(TOPIC_SPECS).map(({ name, partitions }) => ({ name, partitions })) });
  const producerBus = createKafkaBus({ brokers: broker.bootstrapServers, logLevel: 'nothing', producer: { retries: 2, initialRetryTimeMs: 100, maxRetryTimeMs: 500, ackTimeoutMs: 2_000 } });
  const readerBus = createKafkaBus({ brokers: broker.bootstrapServers, logLevel: 'nothing', consumer: { sessionTimeout: 3_000, heartbeatInterval: 300, maxWaitTimeInMs: 50, restartDelayMs: 200 } });
  const logStream = new PassThrough();
  let logText = '';
  logStream.on('data', (chunk: Buffer) => (logText += chunk.toString()));
  const ingest = createWebhookIngest({
    settings: { path: '/webhook', verifyToken: VERIFY_TOKEN, appSecrets: [APP_SECRET, ROTATED_SECRET], bodyLimitBytes: BODY_LIMIT, publishTimeoutMs: options.publishTimeoutMs ?? 5_000 },
    publish: coalescePublishes((messages) => producerBus.publish(messages)),
    ready: () => Promise.resolve(),
    logger: createLogger({ service: 'webhook-ingest', stream: logStream, level: 'debug' }),
  });
  const url = await ingest.listen(0);

  const events: CloudEvent[] = [];
  const subscription: Subscription = await readerBus.subscribe({
    group: `reader-${process.pid}-${Date.now()}`,
    topics: WEBHOOK_TOPICS,
    handler: async (batch) => {
      for (const message of batch.messages) {
        const decoded = decodeKafkaMessage(message);
        if (!decoded.ok) throw new Error(`undecodable record on ${batch.topic}: ${JSON.stringify(decoded.errors)}`);
        events.push(decoded.value);
      }
    },
  });

  return {
    url,
    broker,
    ingest,
    events,
    logLines: () => logText.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
    eventsOf: (type) => events.filter((event) => event.type === type),
    waitForEvents: async (what, condition, timeoutMs = 20_000) => {
      const until = Date.now() + timeoutMs;
      while (!condition(events)) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}; read ${events.length} events`);
        await sleep(20);
      }
    },
    stop: async () => {
      await subscription.stop();
      await ingest.close();
      await Promise.all([producerBus.close(), readerBus.close()]);
      await broker.stop();
    },
  };
}

export interface PostOptions {
  readonly secret?: string | null;
  readonly signature?: string;
  readonly contentType?: string;
  readonly requestId?: string;
}

/** Posts a body as Meta does: JSON, signed with the app secret over the exact bytes. */
export function postWebhook(url: string, body: string | Buffer, options: PostOptions = {}): Promise<Response> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  const secret = options.secret === undefined ? APP_SECRET : options.secret;
  if (options.signature !== undefined) headers['x-hub-signature-256'] = options.signature;
  else if (secret !== null) headers['x-hub-signature-256'] = signatureHeader(bytes, secret);
  if (options.requestId !== undefined) headers['x-request-id'] = options.requestId;
  return fetch(`${url}/webhook`, { method: 'POST', headers, body: bytes });
}

export const rawRequestIds = (rig: IngestRig): string[] =>
  rig.eventsOf('com.recado.raw-webhook.v1').map((event) => (event.data as { requestId: string }).requestId);

export type { Bus };
