import fc from 'fast-check';
import type { OutboundMessage, PricingFacts } from './pricing.model';
import { classifyPricing } from './classify-pricing';
import { findPricingRegime, PRICING_REGIMES } from './pricing-regimes.data';

const BR = '5511987654321';
const at = (iso: string) => new Date(iso);
const FREE_FORM: OutboundMessage = { kind: 'free_form' };
const template = (category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION'): OutboundMessage => ({ kind: 'template', category });

const anyFacts: fc.Arbitrary<PricingFacts> = fc.record({
  message: fc.oneof(
    fc.constant(FREE_FORM),
    fc.constantFrom('MARKETING' as const, 'UTILITY' as const, 'AUTHENTICATION' as const).map(template),
  ),
  customerServiceWindowOpen: fc.boolean(),
  freeEntryPointWindowOpen: fc.boolean(),
  recipientWaId: fc.constantFrom(BR, '16505551234', '393331234567', '919876543210', '0'),
  authenticationInternational: fc.boolean(),
  generalPurposeAiProvider: fc.boolean(),
  serviceFreeTierUsed: fc.nat({ max: 3000 }),
  openConversations: fc.array(
    fc.record({
      originType: fc.constantFrom('marketing' as const, 'utility' as const, 'service' as const, 'authentication' as const),
      expiresAt: fc.date({ min: at('2023-06-01T00:00:00Z'), max: at('2031-01-01T00:00:00Z'), noInvalidDate: true }),
    }),
    { maxLength: 3 },
  ),
  wabaUtcOffsetMinutes: fc.integer({ min: -720, max: 840 }),
});
const anyInstant = fc.date({ min: at('2023-06-02T00:00:00Z'), max: at('2030-12-31T00:00:00Z'), noInvalidDate: true });

describe('classifyPricing properties', () => {
  it('the classification at a time is that of the regime whose date range contains it', () => {
    fc.assert(
      fc.property(anyFacts, anyInstant, (f, when) => {
        const regime = findPricingRegime(when, PRICING_REGIMES, f.wabaUtcOffsetMinutes);
        const result = classifyPricing(f, when);
        expect(result.regimeId).toBe(regime?.id);
        expect(result.pricingModel).toBe(regime?.pricingModel);
        expect(classifyPricing(f, when, regime ? [regime] : [])).toEqual(result);
      }),
    );
  });

  it('never charges what is not billable; PMP bills exactly the regular type; FEP is always free', () => {
    fc.assert(
      fc.property(anyFacts, anyInstant, (f, when) => {
        const result = classifyPricing(f, when);
        if (!result.billable) expect(result.charged).toBe(false);
        expect(result.billedAs === null).toBe(!result.charged);
        if (result.pricingModel === 'PMP') expect(result.billable).toBe(result.type === 'regular');
        if (f.freeEntryPointWindowOpen) expect([result.billable, result.category]).toEqual([false, 'referral_conversion']);
      }),
    );
  });
});
