import { isUsMarketingPaused, marketingHoldUntil, US_MARKETING_PAUSE_SINCE } from './marketing-hold.rule';

describe('marketing holds', () => {
  it('131049 holds marketing for 24 h', () => {
    expect(marketingHoldUntil(new Date('2026-01-01T10:00:00Z'))).toEqual(new Date('2026-01-02T10:00:00Z'));
  });

  it.each([
    ['US number after the pause', true, '12125550123', '2025-06-01T00:00:00Z', true],
    ['US number before the pause', true, '12125550123', '2025-03-31T23:59:59Z', false],
    ['pause disabled', false, '12125550123', '2025-06-01T00:00:00Z', false],
    ['Canadian number', true, '16045550123', '2025-06-01T00:00:00Z', false],
    ['Brazilian number', true, '5511987654321', '2025-06-01T00:00:00Z', false],
  ])('%s → %s', (_name, enabled, digits, now, expected) => {
    expect(isUsMarketingPaused({ enabled, since: US_MARKETING_PAUSE_SINCE }, digits, new Date(now))).toBe(expected);
  });
});
