import { createServer } from 'node:http';
import { createKafkaBus, createKafkaReadinessProbe } from '@recado/bus';
import { TOPICS } from '@recado/contracts';
import { createDataSource } from '@recado/persistence';
import { ConfigError, createLogger, createMetricsRegistry, serveOperationalRoute, stopOnSignals } from '@recado/service-kit';
import { loadDispatcherConfig } from './config';
import { createDispatcher } from './dispatcher';
import { createProjector } from './projector';

/** The dispatcher (send path and projector) on its own: PostgreSQL (migrated by deployment), Kafka, the Cloud API. */
async function main(): Promise<void> {
  const config = loadDispatcherConfig();
  const logger = createLogger({ service: 'dispatcher', level: config.logLevel });
  const registry = createMetricsRegistry('dispatcher');
  const dataSource = await createDataSource({ kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize });
  const bus = createKafkaBus({ brokers: config.kafkaBrokers, clientId: 'dispatcher', logLevel: 'error', onError: (error) => logger.error('kafka error', { error: String(error) }) });
  const probe = createKafkaReadinessProbe({ brokers: config.kafkaBrokers, topics: [TOPICS.sendCommands] });
  const dispatcher = createDispatcher({ dataSource, bus, settings: config.settings, logger, registry });
  const ready = async (): Promise<void> => {
    await dataSource.query('SELECT 1');
    await probe.check();
  };
  const server = createServer((request, response) => {
    void serveOperationalRoute(request, response, { registry, ready }).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  server.listen(config.port);
  await dispatcher.start();
  const projection = await createProjector({ dataSource, bus, logger }).start();
  logger.info('dispatcher running', { port: config.port, group: config.settings.group });

  stopOnSignals(logger, async () => {
    await Promise.all([dispatcher.stop(), projection.stop()]);
    await Promise.all([bus.close(), probe.close(), dataSource.destroy(), new Promise((resolve) => server.close(resolve))]);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
