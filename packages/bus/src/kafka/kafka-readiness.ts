import { Kafka, type Admin } from 'kafkajs';

export interface KafkaReadinessProbe {
  /** Resolves when the cluster answers with metadata for every topic; rejects with why not. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/**
 * For `/readyz`: asks the cluster for the topics a service writes to, within a deadline.
 * Metadata is what a producer needs first, and the call creates nothing.
 */
export function createKafkaReadinessProbe(options: { brokers: readonly string[]; topics: readonly string[]; timeoutMs?: number }): KafkaReadinessProbe {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const kafka = new Kafka({
    clientId: 'readiness',
    brokers: [...options.brokers],
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logCreator: () => () => undefined,
  });
  let admin: Admin | undefined;

  const ask = async (): Promise<void> => {
    admin ??= kafka.admin();
    try {
      await admin.connect();
      await admin.fetchTopicMetadata({ topics: [...options.topics] });
    } catch (error) {
      const failed = admin;
      admin = undefined;
      await failed.disconnect().catch(() => undefined);
      throw error;
    }
  };

  return {
    check: async () => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Kafka did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([ask(), deadline]);
      } catch (error) {
        throw new Error(`Kafka is not reachable: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      } finally {
        clearTimeout(timer);
      }
    },
    close: async () => {
      await admin?.disconnect();
    },
  };
}
