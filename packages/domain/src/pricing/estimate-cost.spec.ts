import fc from 'fast-check';
import type { OutboundMessage, PricingFacts } from './pricing.model';
import type { RateCard } from './rate-card.model';
import { classifyPricing } from './classify-pricing';
import { estimateCost } from './estimate-cost';
import { SAMPLE_RATE_CARDS } from './sample-rate-cards.data';

const at = (iso: string) => new Date(iso);
const msg = (category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION'): OutboundMessage => ({ kind: 'template', category });
const facts = (message: OutboundMessage, waId: string, patch: Partial<PricingFacts> = {}): PricingFacts => ({
  message,
  customerServiceWindowOpen: false,
  freeEntryPointWindowOpen: false,
  recipientWaId: waId,
  ...patch,
});
const estimate = (f: PricingFacts, iso: string, options = {}) => estimateCost(classifyPricing(f, at(iso)), f.recipientWaId, at(iso), options);
const summary = (f: PricingFacts, iso: string, options = {}) => {
  const e = estimate(f, iso, options);
  return [e.status, e.amount, e.market, e.rateCardId];
};

describe('estimateCost', () => {
  it.each([
    ['marketing to Brazil (PMP)', facts(msg('MARKETING'), '5511987654321'), '2025-08-10T12:00:00Z', ['ESTIMATED', 0.0625, 'Brazil', 'sample-usd-pmp-2025-07']],
    ['utility inside the window', facts(msg('UTILITY'), '5511987654321', { customerServiceWindowOpen: true }), '2025-08-10T12:00:00Z', ['FREE', 0, null, null]],
    ['utility inside the window from 2026-10', facts(msg('UTILITY'), '5511987654321', { customerServiceWindowOpen: true }), '2026-10-10T12:00:00Z', ['ESTIMATED', 0.0068, 'Brazil', 'sample-usd-pmp-2026-01']],
    ['service beyond the 2026-10 free tier, at the utility rate', facts({ kind: 'free_form' }, '5215512345678', { serviceFreeTierUsed: 1000 }), '2026-10-10T12:00:00Z', ['ESTIMATED', 0.0085, 'Mexico', 'sample-usd-pmp-2026-01']],
    ['India marketing after the 2026-01 card', facts(msg('MARKETING'), '919876543210'), '2026-02-10T12:00:00Z', ['ESTIMATED', 0.0118, 'India', 'sample-usd-pmp-2026-01']],
    ['India authentication-international', facts(msg('AUTHENTICATION'), '919876543210', { authenticationInternational: true }), '2025-08-10T12:00:00Z', ['ESTIMATED', 0.028, 'India', 'sample-usd-pmp-2025-07']],
    ['a Rest-of-Latin-America country', facts(msg('UTILITY'), '59899123456'), '2025-08-10T12:00:00Z', ['ESTIMATED', 0.0113, 'Rest of Latin America', 'sample-usd-pmp-2025-07']],
    ['a country without its own row (Chile → Other)', facts(msg('MARKETING'), '56912345678'), '2025-08-10T12:00:00Z', ['ESTIMATED', 0.0604, 'Other', 'sample-usd-pmp-2025-07']],
    ['an unknown calling code (→ Other)', facts(msg('MARKETING'), '8881234567'), '2025-08-10T12:00:00Z', ['ESTIMATED', 0.0604, 'Other', 'sample-usd-pmp-2025-07']],
    ['a CBP marketing conversation', facts(msg('MARKETING'), '5511987654321'), '2024-09-10T12:00:00Z', ['ESTIMATED', 0.0625, 'Brazil', 'sample-usd-cbp-2024-08']],
    ['a CBP message inside an open conversation', facts(msg('MARKETING'), '5511987654321', { openConversations: [{ originType: 'marketing', expiresAt: at('2024-09-11T00:00:00Z') }] }), '2024-09-10T12:00:00Z', ['FREE', 0, null, null]],
    ['a date no sample card covers', facts(msg('MARKETING'), '5511987654321'), '2024-03-10T12:00:00Z', ['NO_RATE_CARD', 0, null, null]],
    ['a rate the card does not publish (AI provider)', facts({ kind: 'free_form' }, '5511987654321', { generalPurposeAiProvider: true }), '2026-04-10T12:00:00Z', ['NO_RATE', 0, 'Brazil', 'sample-usd-pmp-2026-01']],
  ])('%s', (_label, f, iso, expected) => {
    expect(summary(f, iso)).toEqual(expected);
  });

  it('picks the card of the requested currency', () => {
    const brl: RateCard = { ...(SAMPLE_RATE_CARDS[2] as RateCard), id: 'brl', currency: 'BRL', markets: [{ market: 'Brazil', countries: ['BR'], rates: { marketing: 0.35 } }] };
    const f = facts(msg('MARKETING'), '5511987654321');
    expect(summary(f, '2026-07-10T12:00:00Z', { currency: 'BRL' })).toEqual(['NO_RATE_CARD', 0, null, null]);
    expect(summary(f, '2026-07-10T12:00:00Z', { currency: 'BRL', rateCards: [brl] })).toEqual(['ESTIMATED', 0.35, 'Brazil', 'brl']);
    expect(estimate(f, '2026-07-10T12:00:00Z', { currency: 'BRL', rateCards: [brl] }).currency).toBe('BRL');
  });

  it('reports NO_RATE when a card has no row for the market and no fallback', () => {
    const partial: RateCard = { ...(SAMPLE_RATE_CARDS[2] as RateCard), markets: [], fallbackMarket: 'Other' };
    expect(summary(facts(msg('MARKETING'), '5511987654321'), '2026-07-10T12:00:00Z', { rateCards: [partial] })).toEqual(['NO_RATE', 0, null, partial.id]);
  });

  it('is non-negative, and zero whenever the message is not billable (property)', () => {
    const anyFacts = fc.record({
      message: fc.oneof(fc.constant<OutboundMessage>({ kind: 'free_form' }), fc.constantFrom('MARKETING' as const, 'UTILITY' as const, 'AUTHENTICATION' as const).map(msg)),
      customerServiceWindowOpen: fc.boolean(),
      freeEntryPointWindowOpen: fc.boolean(),
      recipientWaId: fc.constantFrom('5511987654321', '16505551234', '919876543210', '56912345678', '1'),
      authenticationInternational: fc.boolean(),
      serviceFreeTierUsed: fc.nat({ max: 2000 }),
    });
    const when = fc.date({ min: at('2023-06-02T00:00:00Z'), max: at('2030-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(anyFacts, when, (f, instant) => {
        const e = estimateCost(classifyPricing(f, instant), f.recipientWaId, instant);
        expect(e.amount).toBeGreaterThanOrEqual(0);
        if (!e.pricing.billable || !e.pricing.charged) expect([e.amount, e.status]).toEqual([0, 'FREE']);
        if (e.status !== 'ESTIMATED') expect(e.amount).toBe(0);
      }),
    );
  });
});
