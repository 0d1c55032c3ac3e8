import { addMs, DAY_MS, HOUR_MS, laterOf } from './duration';

describe('duration helpers', () => {
  const a = new Date('2026-01-01T00:00:00Z');
  const b = new Date('2026-01-02T00:00:00Z');

  it('adds without touching the input', () => {
    expect(addMs(a, DAY_MS)).toEqual(b);
    expect(a.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(DAY_MS).toBe(24 * HOUR_MS);
  });

  it.each([
    [a, b, b],
    [b, a, b],
    [null, a, a],
    [a, null, a],
    [null, null, null],
  ])('laterOf(%s, %s) = %s', (x, y, expected) => {
    expect(laterOf(x, y)).toEqual(expected);
  });
});
