import type { EmbeddedLog, PartitionedMessage } from '@recado/bus';
import type { DataSource } from 'typeorm';
import { AppendListeners, type AppendWatch } from './append-listeners';
import { appendRecords } from './bus-log.append';
import { commitGroupOffset, endOffset, groupOffset, readRecords } from './bus-log.queries';
import { partitionBatches } from './partition-batches';

const DEFAULT_PARTITIONS = 4;

export interface PostgresEmbeddedLogOptions {
  /**
   * Partitions of a topic (default 4). Must not change for the life of a topic, or keys move to
   * other partitions: pass the counts of `TOPIC_SPECS`.
   */
  readonly partitions?: (topic: string) => number;
  /**
   * Also notices appends made by other processes on the same database, by polling while the bus
   * listens. Off by default: one process sees its own appends at once. (PGlite has one process.)
   */
  readonly watch?: AppendWatch;
}

/**
 * The embedded bus's log in PostgreSQL or PGlite (tables `bus_partitions`, `bus_records`,
 * `bus_group_offsets`): records and group positions survive a crash. `append` resolves once its
 * transaction commits; offsets are dense per partition even with appenders in several processes.
 */
export function createPostgresEmbeddedLog(dataSource: DataSource, options: PostgresEmbeddedLogOptions = {}): EmbeddedLog {
  const listeners = new AppendListeners(dataSource, options.watch);
  const counts = new Map<string, number>();
  const db = dataSource.manager;

  return {
    partitionCount: (topic) => {
      const known = counts.get(topic);
      if (known !== undefined) return known;
      const count = options.partitions?.(topic) ?? DEFAULT_PARTITIONS;
      if (!Number.isInteger(count) || count < 1) throw new RangeError(`topic ${topic} must have a positive whole number of partitions, got ${count}`);
      counts.set(topic, count);
      return count;
    },
    append: async (messages: readonly PartitionedMessage[]) => {
      if (messages.length === 0) return;
      const batches = partitionBatches(messages);
      await dataSource.transaction((tx) => appendRecords(tx, batches));
      listeners.notify();
    },
    read: (topic, partition, fromOffset, limit) => readRecords(db, topic, partition, fromOffset, limit),
    endOffset: (topic, partition) => endOffset(db, topic, partition),
    committedOffset: (group, topic, partition) => groupOffset(db, group, topic, partition),
    commit: (group, topic, partition, nextOffset) => commitGroupOffset(db, group, topic, partition, nextOffset),
    onAppend: (listener) => listeners.add(listener),
  };
}
