import type { ReceivedMessage } from '../bus';
import type { EmbeddedLog, PartitionedMessage } from './embedded-log';

export interface MemoryLogOptions {
  /** Partitions per topic; topics not named get `defaultPartitions` (4, like the Kafka test broker). */
  readonly partitions?: Readonly<Record<string, number>>;
  readonly defaultPartitions?: number;
}

/** The embedded log in memory: for tests and demos. It keeps every record and loses all on exit. */
export function createMemoryLog(options: MemoryLogOptions = {}): EmbeddedLog {
  const records = new Map<string, ReceivedMessage[]>();
  const commits = new Map<string, number>();
  const listeners = new Set<() => void>();
  const partitionLog = (topic: string, partition: number): ReceivedMessage[] => {
    const id = `${topic}\u0000${partition}`;
    const existing = records.get(id);
    if (existing) return existing;
    const created: ReceivedMessage[] = [];
    records.set(id, created);
    return created;
  };

  return {
    partitionCount: (topic) => options.partitions?.[topic] ?? options.defaultPartitions ?? 4,
    append: (messages: readonly PartitionedMessage[]) => {
      for (const { partition, message } of messages) {
        const log = partitionLog(message.topic, partition);
        log.push({ ...message, headers: { ...message.headers }, partition, offset: String(log.length) });
      }
      if (messages.length > 0) for (const listener of listeners) listener();
      return Promise.resolve();
    },
    read: (topic, partition, fromOffset, limit) => Promise.resolve(partitionLog(topic, partition).slice(fromOffset, fromOffset + limit)),
    endOffset: (topic, partition) => Promise.resolve(partitionLog(topic, partition).length),
    committedOffset: (group, topic, partition) => Promise.resolve(commits.get(`${group}\u0000${topic}\u0000${partition}`)),
    commit: (group, topic, partition, nextOffset) => {
      commits.set(`${group}\u0000${topic}\u0000${partition}`, nextOffset);
      return Promise.resolve();
    },
    onAppend: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
