import type { ICustomPartitioner } from 'kafkajs';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** Kafka's murmur2 (the Java client's `Utils.murmur2`), in 32-bit integer arithmetic. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const whole = length & ~3;
  let h = SEED ^ length;
  for (let at = 0; at < whole; at += 4) {
    let k = (data[at] as number) | ((data[at + 1] as number) << 8) | ((data[at + 2] as number) << 16) | ((data[at + 3] as number) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    h = Math.imul(h, M) ^ Math.imul(k, M);
  }
  const rest = length - whole;
  if (rest === 3) h ^= (data[whole + 2] as number) << 16;
  if (rest >= 2) h ^= (data[whole + 1] as number) << 8;
  if (rest >= 1) h = Math.imul(h ^ (data[whole] as number), M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  return h ^ (h >>> 15);
}

/** The Java client's partition for a key; `murmur2` is a signed 32-bit value, made positive as Java does. */
export const murmur2Partition = (key: Buffer | string, partitions: number): number =>
  (murmur2(typeof key === 'string' ? Buffer.from(key, 'utf8') : key) & 0x7fffffff) % partitions;

/**
 * kafkajs' `Partitioners.DefaultPartitioner` for keyed records (same partitions as Java and
 * librdkafka's `murmur2_random`), without its 64-bit `Long` arithmetic and per-record array
 * copies. The bus always keys its records: a record without a key is refused.
 */
export const murmur2Partitioner: ICustomPartitioner = () => ({ partitionMetadata, message }) => {
  if (message.partition !== undefined && message.partition !== null) return message.partition;
  if (message.key === undefined || message.key === null) throw new RangeError('the bus publishes keyed records only');
  return murmur2Partition(message.key, partitionMetadata.length);
};
