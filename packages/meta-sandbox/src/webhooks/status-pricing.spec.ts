import { classifyPricing, type PricingFacts } from '@recado/domain';
import { pricingObjects } from './status-pricing';

const marketing: PricingFacts = { message: { kind: 'template', category: 'MARKETING' }, customerServiceWindowOpen: false, freeEntryPointWindowOpen: false, recipientWaId: '5511987654321' };
const inEntryPoint: PricingFacts = { ...marketing, freeEntryPointWindowOpen: true };
const serviceReply: PricingFacts = { ...marketing, message: { kind: 'free_form' }, customerServiceWindowOpen: true };
const utilityInWindow: PricingFacts = { ...marketing, message: { kind: 'template', category: 'UTILITY' }, customerServiceWindowOpen: true };

describe('pricingObjects (RULES.md §2.4)', () => {
  it.each([
    ['CBP marketing', marketing, '2025-03-01T12:00:00Z', 'v23.0', { billable: true, pricing_model: 'CBP', category: 'marketing' }, 'marketing'],
    ['PMP marketing up to v23', marketing, '2026-03-01T12:00:00Z', 'v23.0', { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' }, 'marketing'],
    ['PMP marketing from v24', marketing, '2026-03-01T12:00:00Z', 'v24.0', { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' }, undefined],
    ['PMP free entry point from v24', inEntryPoint, '2026-03-01T12:00:00Z', 'v24.0', { billable: false, pricing_model: 'PMP', type: 'free_entry_point', category: 'referral_conversion' }, 'referral_conversion'],
    ['utility in the window, free until 2026-09-30', utilityInWindow, '2026-09-30T12:00:00Z', 'v24.0', { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' }, undefined],
    ['utility in the window, billed from 2026-10-01', utilityInWindow, '2026-10-01T12:00:00Z', 'v24.0', { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' }, undefined],
    ['PMP service reply before 2026-10', serviceReply, '2026-03-01T12:00:00Z', 'v24.0', { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' }, undefined],
  ])('%s', (_name, facts, at, graphApiVersion, pricing, origin) => {
    const objects = pricingObjects(classifyPricing(facts, new Date(at)), { graphApiVersion, conversationId: 'c1', withExpiration: true });
    expect(objects.pricing).toEqual(pricing);
    expect(objects.conversation?.['origin']).toEqual(origin === undefined ? undefined : { type: origin });
  });

  it('gives the CBP conversation its expiration on sent only', () => {
    const classification = classifyPricing(marketing, new Date('2025-03-01T12:00:00Z'));
    const sent = pricingObjects(classification, { graphApiVersion: 'v23.0', conversationId: 'c1', withExpiration: true });
    const delivered = pricingObjects(classification, { graphApiVersion: 'v23.0', conversationId: 'c1', withExpiration: false });
    expect(sent.conversation).toEqual({ id: 'c1', expiration_timestamp: String(Date.parse('2025-03-02T12:00:00Z') / 1000), origin: { type: 'marketing' } });
    expect(delivered.conversation).toEqual({ id: 'c1', origin: { type: 'marketing' } });
  });
});
