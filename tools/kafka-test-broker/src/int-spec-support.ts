import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type Admin, type ConsumerConfig } from 'kafkajs';
import type { KafkaTestBroker } from './kafka-test-broker';

/** Topic and group names unique to one test. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function kafkaFor(broker: KafkaTestBroker): Kafka {
  return new Kafka({
    clientId: uniqueName('kafka-test-broker-spec'),
    brokers: broker.bootstrapServers,
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 50, maxRetryTime: 1_000, retries: 10 },
  });
}

/** The fastest group timings the mock supports (see KAFKA-TEST-BROKER.md). */
export function fastConsumer(groupId: string): ConsumerConfig {
  return { groupId, sessionTimeout: 3_000, heartbeatInterval: 500, maxWaitTimeInMs: 100 };
}

/** Polls `condition`; a timeout error quotes `state()`, to show what was reached instead. */
export async function waitFor(
  condition: () => boolean,
  description: string,
  { state = (): string => 'n/a', timeoutMs = 15_000 }: { state?: () => string; timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}; state: ${state()}`);
    }
    await sleep(20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether a process with this pid runs; a zombie nobody has reaped yet counts as gone. */
export function isProcessAlive(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // The state letter follows the parenthesised command name.
  return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
}

export async function withAdmin<T>(kafka: Kafka, use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

export function leaderOf(kafka: Kafka, topic: string, partition = 0): Promise<number> {
  return withAdmin(kafka, async (admin) => {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    const leader = metadata.topics[0]?.partitions.find((p) => p.partitionId === partition)?.leader;
    if (leader === undefined) throw new Error(`no leader for ${topic}/${partition}`);
    return leader;
  });
}

export function highWatermark(kafka: Kafka, topic: string, partition = 0): Promise<number> {
  return withAdmin(kafka, async (admin) => {
    const offsets = await admin.fetchTopicOffsets(topic);
    return Number(offsets.find((p) => p.partition === partition)?.high ?? 0);
  });
}
