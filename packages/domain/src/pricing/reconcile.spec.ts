import type { PricingClassification } from './pricing.model';
import { reconcile, type WebhookConversation, type WebhookPricing } from './reconcile';

const pmp = (patch: Partial<PricingClassification>): { pricing: PricingClassification } => ({
  pricing: { pricingModel: 'PMP', category: 'marketing', billable: true, type: 'regular', charged: true, billedAs: 'marketing', regimeId: 'PMP_2025_07', ...patch },
});
const FEP = pmp({ category: 'referral_conversion', billable: false, type: 'free_entry_point', charged: false, billedAs: null, conversation: { originType: 'referral_conversion', opensNew: false } });
const CBP_MARKETING = {
  pricing: {
    pricingModel: 'CBP', category: 'marketing', billable: true, type: null, charged: true, billedAs: 'marketing', regimeId: 'CBP_2023_06',
    conversation: { originType: 'marketing', opensNew: true },
  } satisfies PricingClassification,
};
const conv = (type: string): WebhookConversation => ({ id: '72b14d6bd5407799e66f64d1b338e567', origin: { type } });

describe('reconcile — the webhook examples of RULES.md §2.5 match their prediction', () => {
  it.each([
    ['(a) CBP marketing', CBP_MARKETING, { billable: true, pricing_model: 'CBP', category: 'marketing' }, conv('marketing')],
    ['(b) PMP v24 marketing', pmp({}), { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' }, undefined],
    ['(c) utility inside the window', pmp({ category: 'utility', billable: false, type: 'free_customer_service' }), { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' }, undefined],
    ['(d) free-form reply', pmp({ category: 'service', billable: false, type: 'free_customer_service' }), { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' }, undefined],
    ['(e) inside a free entry point', FEP, { billable: false, pricing_model: 'PMP', type: 'free_entry_point', category: 'referral_conversion' }, conv('referral_conversion')],
    ['(f) PMP v23 with a per-message conversation', pmp({}), { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' }, conv('marketing')],
    ['(g) utility in the window from 2026-10', pmp({ category: 'utility' }), { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' }, undefined],
    ['auth-international spelled with an underscore', pmp({ category: 'authentication-international' }), { pricing_model: 'PMP', type: 'regular', category: 'authentication_international' }, conv('authentication_international')],
  ] as const)('%s', (_label, estimate, webhook: WebhookPricing, conversation) => {
    expect(reconcile(estimate, webhook, conversation)).toEqual({ matches: true, differences: [] });
  });
});

describe('reconcile — differences, field by field', () => {
  it('reports a re-categorised template (utility billed as marketing)', () => {
    const report = reconcile(pmp({ category: 'utility', billable: false, type: 'free_customer_service' }), { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' });
    expect(report).toEqual({
      matches: false,
      differences: [
        { field: 'category', expected: 'utility', actual: 'marketing' },
        { field: 'type', expected: 'free_customer_service', actual: 'regular' },
        { field: 'billable', expected: false, actual: true },
      ],
    });
  });

  it('reports the pricing model and a missing type', () => {
    expect(reconcile(pmp({}), { pricing_model: 'CBP', category: 'marketing' }).differences).toEqual([
      { field: 'pricing_model', expected: 'PMP', actual: 'CBP' },
      { field: 'type', expected: 'regular', actual: null },
    ]);
  });

  it('reports a free entry point Meta did not see, and a CBP webhook without its conversation', () => {
    const paid = { pricing_model: 'PMP', type: 'free_entry_point', category: 'referral_conversion' };
    expect(reconcile(FEP, paid).differences).toEqual([{ field: 'conversation', expected: 'present', actual: null }]);
    expect(reconcile(CBP_MARKETING, { pricing_model: 'CBP', category: 'marketing' }).differences).toEqual([{ field: 'conversation', expected: 'present', actual: null }]);
  });

  it('reports a conversation origin that differs, or is missing', () => {
    expect(reconcile(pmp({}), { pricing_model: 'PMP', type: 'regular', category: 'marketing' }, conv('utility')).differences).toEqual([
      { field: 'conversation.origin.type', expected: 'marketing', actual: 'utility' },
    ]);
    expect(reconcile(pmp({}), { pricing_model: 'PMP', type: 'regular', category: 'marketing' }, { id: 'x' }).differences).toEqual([
      { field: 'conversation.origin.type', expected: 'marketing', actual: null },
    ]);
  });

  it('passes unknown categories through', () => {
    expect(reconcile(pmp({}), { pricing_model: 'PMP', type: 'regular', category: 'group_marketing' }).differences).toEqual([
      { field: 'category', expected: 'marketing', actual: 'group_marketing' },
    ]);
  });
});
