import fc from 'fast-check';
import { groupBy, sendWaves } from './send-waves';

const send = (phoneId: string, contactId: string, n: number) => ({ phoneId, contactId, n });

describe('sendWaves', () => {
  it('puts the k-th send of each pair in wave k', () => {
    const sends = [send('p1', 'a', 1), send('p1', 'b', 2), send('p1', 'a', 3), send('p2', 'a', 4), send('p1', 'a', 5), send('p1', 'b', 6)];
    expect(sendWaves(sends).map((wave) => wave.map((s) => s.n))).toEqual([[1, 2, 4], [3, 6], [5]]);
    expect(sendWaves([])).toEqual([]);
  });

  it('keeps every send once, each pair at most once per wave, and each pair in its order', () => {
    const arbitrarySends = fc.array(fc.record({ phoneId: fc.constantFrom('p1', 'p2'), contactId: fc.constantFrom('a', 'b', 'c', 'd') }), { maxLength: 60 })
      .map((pairs) => pairs.map((pair, n) => ({ ...pair, n })));
    fc.assert(fc.property(arbitrarySends, (sends) => {
      const waves = sendWaves(sends);
      expect(waves.flat().map((s) => s.n).sort((x, y) => x - y)).toEqual(sends.map((s) => s.n));
      for (const wave of waves) expect(new Set(wave.map((s) => `${s.phoneId}:${s.contactId}`)).size).toBe(wave.length);
      const order = (list: typeof sends) => groupBy(list, (s) => `${s.phoneId}:${s.contactId}`).map((group) => group.map((s) => s.n)).sort();
      expect(order(waves.flat())).toEqual(order(sends));
      expect(waves.every((wave) => wave.length > 0)).toBe(true);
    }));
  });
});

describe('groupBy', () => {
  it('groups in first-seen order, keeping the order within a group', () => {
    expect(groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (item) => item[0] ?? '')).toEqual([['b1', 'b2'], ['a1', 'a2'], ['c1']]);
  });
});
