import { partitionForKey } from './partition-for-key';

describe('partitionForKey', () => {
  it.each([
    // FNV-1a test vectors: '' → 0x811c9dc5, 'a' → 0xe40c292c
    ['', 4, 1],
    ['a', 7, 5],
    ['a', 1, 0],
    ['106540352242922:5511987654321', 12, 3],
  ])('maps %j over %i partitions to %i', (key, partitions, expected) => {
    expect(partitionForKey(key, partitions)).toBe(expected);
  });

  it('is stable and spreads keys over every partition', () => {
    const counts = new Array<number>(8).fill(0);
    for (let index = 0; index < 8_000; index += 1) {
      const partition = partitionForKey(`phone:${index}`, 8);
      expect(partitionForKey(`phone:${index}`, 8)).toBe(partition);
      counts[partition] = (counts[partition] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });
});
