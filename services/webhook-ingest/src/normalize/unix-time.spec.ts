import { isoOrRaw, unixSeconds, unixSecondsToIso } from './unix-time';

describe('unixSecondsToIso', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a messages[] timestamp (digits)', '1749416383', '2025-06-08T20:59:43.000Z'],
    ['an entry[].time (number)', 1746082800, '2025-05-01T07:00:00.000Z'],
    ['the epoch', '0', '1970-01-01T00:00:00.000Z'],
    ["the end of Date's range", 8_640_000_000_000, '+275760-09-13T00:00:00.000Z'],
    ["beyond Date's range", 8_640_000_000_001, undefined],
    ['too many digits', '12345678901234567', undefined],
    ['a negative number', -1, undefined],
    ['a fraction', 1.5, undefined],
    ['a decimal string', '1.5', undefined],
    ['a signed string', '+1', undefined],
    ['an empty string', '', undefined],
    ['letters', '17a', undefined],
    ['NaN', Number.NaN, undefined],
    ['Infinity', Number.POSITIVE_INFINITY, undefined],
    ['null', null, undefined],
    ['undefined', undefined, undefined],
    ['an object', { seconds: 1 }, undefined],
  ])('%s', (_case, value, expected) => {
    expect(unixSecondsToIso(value)).toBe(expected);
  });

  it('reads the same instant from a string and from a number', () => {
    expect(unixSeconds('1719820800')).toBe(1719820800);
    expect(unixSeconds(1719820800)).toBe(1719820800);
  });
});

describe('isoOrRaw', () => {
  it('gives the instant when it can, else what Meta sent (for the schema to report)', () => {
    expect(isoOrRaw('1719820800')).toBe('2024-07-01T08:00:00.000Z');
    expect(isoOrRaw('soon')).toBe('soon');
    expect(isoOrRaw(undefined)).toBeUndefined();
  });
});
