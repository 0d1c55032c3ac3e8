import type { MessagingLimitFacts } from './messaging-limit.model';
import { MESSAGING_LIMIT_CAPACITY } from './messaging-limit.model';
import { checkMessagingLimit, messagingLimitRegimeAt, parseMessagingLimitTier } from './messaging-limit.rule';

const facts = (overrides: Partial<MessagingLimitFacts> = {}): MessagingLimitFacts => ({
  tier: 'TIER_250', uniqueRecipients24h: 249, recipientCounted: false, nextSlotFreesAt: null, ...overrides,
});
const later = new Date('2026-05-12T18:00:00Z');

describe('messaging limits', () => {
  it.each([
    ['2025-10-06T23:59:59Z', 'PHONE_NUMBER', 'TIER_1K'],
    ['2025-10-07T00:00:00Z', 'BUSINESS_PORTFOLIO', 'TIER_2K'],
  ])('regime at %s: per %s, second step %s', (at, scope, secondTier) => {
    const regime = messagingLimitRegimeAt(new Date(at));
    expect(regime.scope).toBe(scope);
    expect(regime.ladder[1]).toBe(secondTier);
  });

  it('fails loudly without regimes', () => {
    expect(() => messagingLimitRegimeAt(new Date(0), [])).toThrow(RangeError);
  });

  it.each([
    ['a free slot', facts(), true, { ok: true }],
    ['full, new recipient', facts({ uniqueRecipients24h: 250, nextSlotFreesAt: later }), true, { ok: false, limit: 250, until: later }],
    ['full, recipient already counted', facts({ uniqueRecipients24h: 250, recipientCounted: true }), true, { ok: true }],
    ['full, send does not count (inside the window)', facts({ uniqueRecipients24h: 250 }), false, { ok: true }],
    ['unlimited tier', facts({ tier: 'TIER_UNLIMITED', uniqueRecipients24h: 10_000_000 }), true, { ok: true }],
  ] as const)('%s', (_name, input, counts, expected) => {
    expect(checkMessagingLimit(input, counts)).toEqual(expected);
  });

  it.each([
    ['2000', 'TIER_2K'], ['UNLIMITED', 'TIER_UNLIMITED'], [' tier_10k ', 'TIER_10K'], ['1000', 'TIER_1K'], ['5', null], ['constructor', null],
  ])('parses %j', (value, tier) => {
    expect(parseMessagingLimitTier(value)).toBe(tier);
  });

  it('gives the tier capacities of RULES §7.3', () => {
    expect(Object.values(MESSAGING_LIMIT_CAPACITY)).toEqual([250, 1_000, 2_000, 10_000, 100_000, null]);
  });
});
