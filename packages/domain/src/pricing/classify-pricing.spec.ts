import type { OutboundMessage, PricingFacts } from './pricing.model';
import { classifyPricing } from './classify-pricing';
import { PRICING_REGIMES } from './pricing-regimes.data';

const BR = '5511987654321';
const template = (category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION'): OutboundMessage => ({ kind: 'template', category });
const FREE_FORM: OutboundMessage = { kind: 'free_form' };
const facts = (message: OutboundMessage, patch: Partial<PricingFacts> = {}): PricingFacts => ({
  message,
  customerServiceWindowOpen: false,
  freeEntryPointWindowOpen: false,
  recipientWaId: BR,
  ...patch,
});
const at = (iso: string) => new Date(iso);
const pick = (f: PricingFacts, iso: string) => {
  const { pricingModel, category, billable, type, charged, billedAs, regimeId } = classifyPricing(f, at(iso));
  return { pricingModel, category, billable, type, charged, billedAs, regimeId };
};

describe('classifyPricing — per-message pricing 2025-07-01 → 2026-09-30', () => {
  const when = '2025-08-10T12:00:00Z';
  it.each([
    ['marketing outside the window', facts(template('MARKETING')), 'marketing', 'regular', true, 'marketing'],
    ['marketing inside the window (still billed)', facts(template('MARKETING'), { customerServiceWindowOpen: true }), 'marketing', 'regular', true, 'marketing'],
    ['utility outside the window', facts(template('UTILITY')), 'utility', 'regular', true, 'utility'],
    ['utility inside the window (free)', facts(template('UTILITY'), { customerServiceWindowOpen: true }), 'utility', 'free_customer_service', false, null],
    ['authentication', facts(template('AUTHENTICATION'), { customerServiceWindowOpen: true }), 'authentication', 'regular', true, 'authentication'],
    ['authentication-international', facts(template('AUTHENTICATION'), { authenticationInternational: true }), 'authentication-international', 'regular', true, 'authentication_international'],
    ['a free-form service reply', facts(FREE_FORM, { customerServiceWindowOpen: true, serviceFreeTierUsed: 50_000 }), 'service', 'free_customer_service', false, null],
    ['marketing inside a free entry point', facts(template('MARKETING'), { freeEntryPointWindowOpen: true }), 'referral_conversion', 'free_entry_point', false, null],
    ['free-form inside a free entry point', facts(FREE_FORM, { freeEntryPointWindowOpen: true }), 'referral_conversion', 'free_entry_point', false, null],
  ] as const)('%s', (_label, f, category, type, billable, billedAs) => {
    expect(pick(f, when)).toEqual({ pricingModel: 'PMP', category, type, billable, charged: billable, billedAs, regimeId: 'PMP_2025_07' });
  });

  it('marks the free entry point conversation (the only one v24 still sends)', () => {
    expect(classifyPricing(facts(FREE_FORM, { freeEntryPointWindowOpen: true }), at(when)).conversation).toEqual({ originType: 'referral_conversion', opensNew: false });
    expect(classifyPricing(facts(template('MARKETING')), at(when)).conversation).toBeUndefined();
  });

  it.each([
    ['Brazil after 2026-03-11', BR, '2026-04-01T12:00:00Z', 'general_purpose_ai'],
    ['Brazil before 2026-03-11', BR, '2026-03-01T12:00:00Z', 'service'],
    ['Italy from 2026-02-16', '393331234567', '2026-02-20T12:00:00Z', 'general_purpose_ai'],
    ['Germany (EEA) after 2026-03-11', '4915112345678', '2026-05-01T12:00:00Z', 'general_purpose_ai'],
    ['the US (not a listed market)', '16505551234', '2026-05-01T12:00:00Z', 'service'],
  ])('general-purpose AI providers: free-form to %s → %s', (_label, waId, iso, category) => {
    const f = facts(FREE_FORM, { customerServiceWindowOpen: true, generalPurposeAiProvider: true, recipientWaId: waId });
    expect(classifyPricing(f, at(iso)).category).toBe(category);
  });
});

describe('classifyPricing — from 2026-10-01', () => {
  const when = '2026-10-05T12:00:00Z';
  it.each([
    ['utility inside the window is billed', facts(template('UTILITY'), { customerServiceWindowOpen: true }), 'utility', 'regular', true, 'utility'],
    ['service within the free tier', facts(FREE_FORM, { customerServiceWindowOpen: true, serviceFreeTierUsed: 999 }), 'service', 'free_customer_service', false, null],
    ['service beyond the free tier (utility rate)', facts(FREE_FORM, { customerServiceWindowOpen: true, serviceFreeTierUsed: 1000 }), 'service', 'regular', true, 'utility'],
    ['free entry point stays free', facts(template('UTILITY'), { freeEntryPointWindowOpen: true }), 'referral_conversion', 'free_entry_point', false, null],
  ] as const)('%s', (_label, f, category, type, billable, billedAs) => {
    expect(pick(f, when)).toEqual({ pricingModel: 'PMP', category, type, billable, charged: billable, billedAs, regimeId: 'PMP_2026_10' });
  });
});

describe('classifyPricing — conversation-based pricing until 2025-06-30', () => {
  const when = '2024-03-10T12:00:00Z';
  const open = (originType: 'marketing' | 'utility', iso: string) => [{ originType, expiresAt: at(iso) }];

  it('a template with no open conversation opens and pays for a 24 h one of its category', () => {
    expect(classifyPricing(facts(template('MARKETING')), at(when))).toEqual({
      pricingModel: 'CBP', category: 'marketing', billable: true, type: null, charged: true, billedAs: 'marketing',
      conversation: { originType: 'marketing', opensNew: true, expiresAt: at('2024-03-11T12:00:00Z') }, regimeId: 'CBP_2023_06',
    });
  });

  it.each([
    ['joins an open conversation of its category', template('MARKETING'), open('marketing', '2024-03-10T20:00:00Z'), 'marketing', false, false],
    ['opens its own category beside another', template('MARKETING'), open('utility', '2024-03-10T20:00:00Z'), 'marketing', true, true],
    ['opens a new one when the old expired', template('MARKETING'), open('marketing', '2024-03-10T11:00:00Z'), 'marketing', true, true],
    ['free-form joins any open conversation', FREE_FORM, open('utility', '2024-03-10T20:00:00Z'), 'utility', false, false],
  ] as const)('%s', (_label, message, openConversations, category, opensNew, charged) => {
    const result = classifyPricing(facts(message, { customerServiceWindowOpen: true, openConversations }), at(when));
    expect([result.category, result.conversation?.opensNew, result.charged, result.billable]).toEqual([category, opensNew, charged, true]);
  });

  it('free-form joins the open conversation that expires first', () => {
    const openConversations = [
      { originType: 'marketing' as const, expiresAt: at('2024-03-11T09:00:00Z') },
      { originType: 'utility' as const, expiresAt: at('2024-03-10T20:00:00Z') },
    ];
    expect(classifyPricing(facts(FREE_FORM, { openConversations }), at(when)).category).toBe('utility');
  });

  it.each([
    ['inside the 1,000 free service conversations (2023-06 → 2024-10)', '2024-03-10T12:00:00Z', 999, false],
    ['beyond the free tier', '2024-03-10T12:00:00Z', 1000, true],
    ['after 2024-11-01 every service conversation is free', '2025-02-10T12:00:00Z', 50_000, false],
  ])('a service conversation %s: charged=%s', (_label, iso, used, charged) => {
    const result = classifyPricing(facts(FREE_FORM, { customerServiceWindowOpen: true, serviceFreeTierUsed: used }), at(iso));
    expect([result.category, result.billable, result.charged, result.billedAs]).toEqual(['service', true, charged, charged ? 'service' : null]);
  });

  it('a free entry point conversation is free and not billable', () => {
    expect(pick(facts(template('MARKETING'), { freeEntryPointWindowOpen: true }), when)).toEqual({
      pricingModel: 'CBP', category: 'referral_conversion', billable: false, type: null, charged: false, billedAs: null, regimeId: 'CBP_2023_06',
    });
  });

  it('authentication-international: hyphen in the category, underscore in the origin', () => {
    const result = classifyPricing(facts(template('AUTHENTICATION'), { authenticationInternational: true }), at(when));
    expect([result.category, result.conversation?.originType, result.billedAs]).toEqual(['authentication-international', 'authentication_international', 'authentication_international']);
    expect(classifyPricing(facts(template('UTILITY')), at(when)).category).toBe('utility');
    expect(classifyPricing(facts(template('AUTHENTICATION')), at(when)).category).toBe('authentication');
  });
});

describe('regime boundaries', () => {
  it("switch at midnight in the WABA's time zone", () => {
    const justAfterUtcMidnight = at('2025-07-01T02:00:00Z');
    expect(classifyPricing(facts(template('MARKETING')), justAfterUtcMidnight).pricingModel).toBe('PMP');
    expect(classifyPricing(facts(template('MARKETING'), { wabaUtcOffsetMinutes: -180 }), justAfterUtcMidnight).pricingModel).toBe('CBP');
  });

  it('throws a RangeError before the first regime', () => {
    expect(() => classifyPricing(facts(template('MARKETING')), at('2023-05-31T12:00:00Z'))).toThrow(RangeError);
  });

  it('regimes are contiguous and do not overlap', () => {
    PRICING_REGIMES.slice(1).forEach((regime, i) => expect(PRICING_REGIMES[i]?.effectiveUntil).toBe(regime.effectiveFrom));
    expect(PRICING_REGIMES[PRICING_REGIMES.length - 1]?.effectiveUntil).toBeNull();
  });
});
