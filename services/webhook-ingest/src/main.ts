import { createKafkaBus, createKafkaReadinessProbe } from '@recado/bus';
import { TOPICS } from '@recado/contracts';
import { ConfigError, createLogger, stopOnSignals } from '@recado/service-kit';
import { loadWebhookIngestConfig } from './config';
import { coalescedKafkaPublish } from './kafka-publish';
import { createWebhookIngest } from './webhook-ingest';

async function main(): Promise<void> {
  const config = loadWebhookIngestConfig();
  if (config.kafkaBrokers.length === 0) {
    throw new ConfigError('webhook-ingest', ['KAFKA_BROKERS: set the Kafka bootstrap servers (host:port,…); `npm start` at the root runs the whole platform without Kafka']);
  }
  const logger = createLogger({ service: 'webhook-ingest', level: config.logLevel });
  const bus = createKafkaBus({ brokers: config.kafkaBrokers, clientId: 'webhook-ingest', logLevel: 'error', onError: (error) => logger.error('kafka error', { error: String(error) }) });
  const probe = createKafkaReadinessProbe({ brokers: config.kafkaBrokers, topics: [TOPICS.rawWebhooks] });
  const ingest = createWebhookIngest({ settings: config, publish: coalescedKafkaPublish(bus, config), ready: () => probe.check(), logger });
  const url = await ingest.listen(config.port, config.host);
  logger.info('webhook-ingest listening', { url, path: config.path, appSecrets: config.appSecrets.length });

  stopOnSignals(logger, async () => {
    await ingest.close();
    await Promise.all([bus.close(), probe.close()]);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
