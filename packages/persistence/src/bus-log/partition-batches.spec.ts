import type { PartitionedMessage } from '@recado/bus';
import { partitionBatches } from './partition-batches';

const at = (topic: string, partition: number, key: string): PartitionedMessage => ({
  partition,
  message: { topic, key, value: Buffer.from(key), headers: {} },
});

const summary = (messages: PartitionedMessage[]): string[] =>
  partitionBatches(messages).map((batch) => `${batch.topic}/${batch.partition}: ${batch.messages.map((message) => message.key).join(' ')}`);

describe('partitionBatches', () => {
  it.each<[string, PartitionedMessage[], string[]]>([
    ['nothing', [], []],
    ['one partition, in order', [at('t', 0, 'a'), at('t', 0, 'b'), at('t', 0, 'c')], ['t/0: a b c']],
    ['interleaved partitions keep their own order', [at('t', 1, 'a'), at('t', 0, 'b'), at('t', 1, 'c')], ['t/0: b', 't/1: a c']],
    ['sorted by topic, then partition number (not text)', [at('u', 0, 'a'), at('t', 10, 'b'), at('t', 2, 'c')], ['t/2: c', 't/10: b', 'u/0: a']],
    ['same partition number in two topics stays apart', [at('t', 0, 'a'), at('u', 0, 'b'), at('t', 0, 'c')], ['t/0: a c', 'u/0: b']],
  ])('%s', (_name, messages, expected) => {
    expect(summary(messages)).toEqual(expected);
  });
});
