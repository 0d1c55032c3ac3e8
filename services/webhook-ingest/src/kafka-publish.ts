import { coalescePublishes, type Bus, type Publish } from '@recado/bus';
import type { WebhookIngestConfig } from './config';

/** Concurrent calls' messages go to Kafka together, in publishes of as many calls as the settings allow. */
export const coalescedKafkaPublish = (bus: Pick<Bus, 'publish'>, config: Pick<WebhookIngestConfig, 'publishConcurrency' | 'publishLingerMs'>): Publish =>
  coalescePublishes((messages) => bus.publish(messages), { concurrency: config.publishConcurrency, lingerMs: config.publishLingerMs });
