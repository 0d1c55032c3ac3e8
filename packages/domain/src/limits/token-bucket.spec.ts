import fc from 'fast-check';
import { fullBucket, refillBucket, takeTokens, THROUGHPUT_MPS } from './token-bucket';

const T0 = new Date('2026-05-12T15:00:00Z');
const ms = (n: number): Date => new Date(T0.getTime() + n);
const config = { ratePerSecond: THROUGHPUT_MPS.STANDARD, burst: 80 };

describe('token bucket', () => {
  it('allows a full burst, then asks to wait for the next token', () => {
    let state = fullBucket(config, T0);
    for (let i = 0; i < 80; i += 1) {
      const result = takeTokens(state, config, T0);
      expect(result.allowed).toBe(true);
      state = result.state;
    }
    expect(takeTokens(state, config, T0)).toEqual({ allowed: false, waitMs: 13, state });
    expect(takeTokens(state, config, ms(13)).allowed).toBe(true);
  });

  it('refills up to the burst and never backwards in time', () => {
    const empty = { tokens: 0, updatedAt: T0 };
    expect(refillBucket(empty, config, ms(500))).toEqual({ tokens: 40, updatedAt: ms(500) });
    expect(refillBucket(empty, config, ms(5_000)).tokens).toBe(80);
    expect(refillBucket(empty, config, ms(-5_000))).toBe(empty);
  });

  it.each([
    ['cost above the burst', { ratePerSecond: 80, burst: 10 }, 11],
    ['no refill rate', { ratePerSecond: 0, burst: 10 }, 11],
  ])('waits forever for %s', (_name, bucket, cost) => {
    const result = takeTokens({ tokens: 0, updatedAt: T0 }, bucket, T0, cost);
    expect(result).toMatchObject({ allowed: false, waitMs: Number.POSITIVE_INFINITY });
  });

  it('never lets more than burst + rate × time through (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 200 }), (gaps) => {
        let state = fullBucket(config, T0);
        let now = T0.getTime();
        let allowed = 0;
        for (const gap of gaps) {
          now += gap;
          const result = takeTokens(state, config, new Date(now));
          state = result.state;
          if (result.allowed) allowed += 1;
        }
        expect(allowed).toBeLessThanOrEqual(config.burst + ((now - T0.getTime()) * config.ratePerSecond) / 1_000 + 1e-9);
      }),
    );
  });
});
