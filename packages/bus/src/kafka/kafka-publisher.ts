import type { Kafka, Message, TopicMessages } from 'kafkajs';
import type { BusMessage } from '../bus';
import { BusError } from '../bus.error';
import type { KafkaProducerSettings } from './kafka-bus.options';
import { murmur2Partitioner } from './murmur2-partitioner';

export interface KafkaPublisher {
  publish(messages: readonly BusMessage[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * acks -1 (every in-sync replica), one request in flight per broker so that a retried request
 * cannot overtake the next one (per-key order without the idempotent producer), Java's murmur2
 * partitioning so that every producer (kcat, Java) puts a key in the same partition.
 */
export function createKafkaPublisher(kafka: Kafka, settings: KafkaProducerSettings): KafkaPublisher {
  const producer = kafka.producer({
    idempotent: false,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: murmur2Partitioner,
    retry: { retries: settings.retries, initialRetryTime: settings.initialRetryTimeMs, maxRetryTime: settings.maxRetryTimeMs },
  });
  let connection: Promise<void> | undefined;
  const connected = (): Promise<void> => {
    connection ??= producer.connect().catch((error: unknown) => {
      connection = undefined;
      throw error;
    });
    return connection;
  };

  return {
    publish: async (messages) => {
      if (messages.length === 0) return;
      try {
        await connected();
        await producer.sendBatch({ acks: -1, timeout: settings.ackTimeoutMs, topicMessages: byTopic(messages) });
      } catch (error) {
        throw new BusError('PUBLISH_FAILED', `publishing ${messages.length} message(s) failed: ${String(error)}`, isRetriable(error), { cause: error });
      }
    },
    close: () => producer.disconnect(),
  };
}

function byTopic(messages: readonly BusMessage[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  for (const { topic, key, value, headers } of messages) {
    const list = topics.get(topic) ?? [];
    list.push({ key, value, headers: { ...headers } });
    topics.set(topic, list);
  }
  return [...topics].map(([topic, list]) => ({ topic, messages: list }));
}

// kafkajs gives up with KafkaJSNumberOfRetriesExceeded (not retriable itself) around a retriable cause.
function isRetriable(error: unknown): boolean {
  let current = error as { retriable?: unknown; cause?: unknown } | undefined;
  while (current?.cause !== undefined) current = current.cause as typeof current;
  return current?.retriable !== false;
}
