import type { PhoneNumberFacts } from '@recado/persistence';
import { hasUnlimitedMessaging, sendRateOf, toMessagingLimit } from './domain-facts';

const phone = (messagingLimitTier: string | null, portfolioMessagingLimitTier: string | null): PhoneNumberFacts =>
  ({ id: 'p', messagingLimitTier, portfolioMessagingLimitTier }) as unknown as PhoneNumberFacts;

describe('messaging limit facts', () => {
  it.each([
    ['TIER_UNLIMITED', null, true],
    [null, 'TIER_UNLIMITED', true],
    ['TIER_UNLIMITED', 'TIER_10K', false],
    ['TIER_10K', 'TIER_UNLIMITED', true],
    ['TIER_100K', null, false],
    [null, null, false],
    ['NOT_A_TIER', null, false],
  ])('number tier %s, portfolio tier %s: unlimited %s', (own, portfolio, unlimited) => {
    expect(hasUnlimitedMessaging(phone(own, portfolio))).toBe(unlimited);
  });

  it('reads the portfolio tier first and falls back to the lowest tier', () => {
    const usage = { uniqueRecipients: 3, oldestAt: new Date('2026-03-01T00:00:00Z'), countedContactIds: new Set(['c1']) };
    expect(toMessagingLimit(phone('TIER_1K', 'TIER_10K'), usage, 'c1')).toEqual({ tier: 'TIER_10K', uniqueRecipients24h: 3, recipientCounted: true, nextSlotFreesAt: new Date('2026-03-02T00:00:00Z') });
    expect(toMessagingLimit(phone(null, null), usage, 'c2')).toMatchObject({ tier: 'TIER_250', recipientCounted: false });
  });
});

describe('send rate', () => {
  const at = (throughputLevel: string | null): PhoneNumberFacts => ({ id: 'p', throughputLevel }) as unknown as PhoneNumberFacts;

  it.each([
    [null, undefined, 80],
    ['STANDARD', undefined, 80],
    ['HIGH', undefined, 1_000],
    ['HIGH', 50, 50],
    [null, 10_000, 10_000],
  ])('a number at level %s with override %s sends %d a second', (level, override, perSecond) => {
    expect(sendRateOf(at(level), override)).toBe(perSecond);
  });
});
