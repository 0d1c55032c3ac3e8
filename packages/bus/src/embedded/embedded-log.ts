import type { BusMessage, ReceivedMessage } from '../bus';

/** A message with the partition the bus chose for its key. */
export interface PartitionedMessage {
  readonly partition: number;
  readonly message: BusMessage;
}

/**
 * The storage port of the embedded bus: an append-only log per topic-partition plus, per group,
 * the next offset to deliver. `createMemoryLog` keeps it in memory; a PostgreSQL implementation
 * (the persistence outbox table) makes the embedded bus durable. Offsets are dense integers from 0.
 */
export interface EmbeddedLog {
  /** How many partitions a topic has; fixed for the life of the topic. */
  partitionCount(topic: string): number;
  /** Appends in the given order; resolves once the records are durable. */
  append(messages: readonly PartitionedMessage[]): Promise<void>;
  /** Up to `limit` records of one partition, from `fromOffset` on, in offset order. */
  read(topic: string, partition: number, fromOffset: number, limit: number): Promise<readonly ReceivedMessage[]>;
  /** The offset after the last record of the partition. */
  endOffset(topic: string, partition: number): Promise<number>;
  /** The next offset the group must process, or undefined when the group never committed there. */
  committedOffset(group: string, topic: string, partition: number): Promise<number | undefined>;
  commit(group: string, topic: string, partition: number, nextOffset: number): Promise<void>;
  /** Called after each append that stored something (also appends by other processes, where the store can tell). */
  onAppend(listener: () => void): () => void;
}
