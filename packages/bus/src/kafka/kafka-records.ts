import type { Batch, IHeaders, KafkaMessage } from 'kafkajs';
import type { ReceivedMessage } from '../bus';

/** A kafkajs record as the bus hands it out: a null key or value (tombstone) becomes empty. */
export function toReceivedMessage(batch: Pick<Batch, 'topic' | 'partition'>, message: KafkaMessage): ReceivedMessage {
  return {
    topic: batch.topic,
    partition: batch.partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    value: message.value ?? Buffer.alloc(0),
    headers: headerStrings(message.headers),
  };
}

function headerStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** The offset to commit after `offset`: Kafka commits the next record to read. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
