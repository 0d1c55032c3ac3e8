import fc from 'fast-check';
import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { murmur2, murmur2Partition, murmur2Partitioner } from './murmur2-partitioner';

const metadataFor = (partitions: number): PartitionMetadata[] =>
  Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0 }));

describe('murmur2', () => {
  // The Java client's own test vectors (Kafka's UtilsTest).
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('hashes %s as Java does', (text, expected) => {
    expect(murmur2(Buffer.from(text, 'utf8'))).toBe(expected);
  });
});

describe('murmur2Partitioner', () => {
  const kafkajsDefault = Partitioners.DefaultPartitioner();
  const ours = murmur2Partitioner();

  it('picks the partition kafkajs’ default partitioner picks, for any key and partition count', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes))), fc.integer({ min: 1, max: 64 }), (key, partitions) => {
        const args = { topic: 't', partitionMetadata: metadataFor(partitions), message: { key, value: null } };
        expect(ours(args)).toBe(kafkajsDefault(args));
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps a partition the record names', () => {
    expect(ours({ topic: 't', partitionMetadata: metadataFor(12), message: { key: 'k', value: null, partition: 7 } })).toBe(7);
  });

  it('refuses a record without a key', () => {
    expect(() => ours({ topic: 't', partitionMetadata: metadataFor(12), message: { value: null } })).toThrow(RangeError);
  });

  it('gives a string key the partition of its UTF-8 bytes', () => {
    expect(murmur2Partition('106540352242922:5511987654321', 12)).toBe(murmur2Partition(Buffer.from('106540352242922:5511987654321'), 12));
  });
});
