import type { BusMessage, PartitionedMessage } from '@recado/bus';

/** The messages of one append that go to one topic-partition, in append order. */
export interface PartitionBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly BusMessage[];
}

/**
 * Groups an append by topic-partition, keeping each partition's order. Batches come sorted by
 * topic then partition, so concurrent appends lock partitions in the same order and never deadlock.
 */
export function partitionBatches(messages: readonly PartitionedMessage[]): PartitionBatch[] {
  const batches = new Map<string, { topic: string; partition: number; messages: BusMessage[] }>();
  for (const { partition, message } of messages) {
    const id = `${message.topic}\u0000${partition}`;
    const batch = batches.get(id) ?? { topic: message.topic, partition, messages: [] };
    batch.messages.push(message);
    batches.set(id, batch);
  }
  return [...batches.values()].sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}
