import { redeliveryDelay } from './redelivery-delay';

describe('redeliveryDelay', () => {
  const backoff = { initialMs: 100, maxMs: 5_000 };

  it.each([
    [1, 0, 100],
    [2, 0, 200],
    [3, 0, 400],
    [6, 0, 3_200],
    [7, 0, 5_000],
    [500, 0, 5_000],
    [0, 0, 100],
    [1, 1, 80],
    [7, 0.5, 4_500],
  ])('after %i failure(s) with jitter draw %f waits %i ms', (failures, draw, expected) => {
    expect(redeliveryDelay(backoff, failures, () => draw)).toBe(expected);
  });

  it('never exceeds the cap nor drops below 80 % of the base', () => {
    for (let failures = 1; failures < 40; failures += 1) {
      const delay = redeliveryDelay(backoff, failures);
      expect(delay).toBeLessThanOrEqual(5_000);
      expect(delay).toBeGreaterThanOrEqual(80);
    }
  });
});
