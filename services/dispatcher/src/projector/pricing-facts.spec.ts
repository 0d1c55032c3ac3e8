import { EMPTY_WINDOW, NEW_CONVERSATION, type ConversationState } from '@recado/domain';
import { expectedPricing, webhookConversationOf, webhookPricingOf, windowAtSend } from './pricing-facts';

const SENT = new Date('2025-08-01T12:00:00Z');
const hoursBefore = (hours: number): Date => new Date(SENT.getTime() - hours * 3_600_000);
const message = (fields: { type?: string; pricingCategory?: string | null; sentAt?: Date } = {}) =>
  ({ type: 'template', pricingCategory: 'UTILITY', sentAt: SENT, recipientWaId: '5511987654321', ...fields });

describe('pricing facts', () => {
  it('takes the window as it was at the send, not as it is now', () => {
    const now: ConversationState = { ...NEW_CONVERSATION, window: { lastInboundAt: new Date(SENT.getTime() + 3_600_000), closedByMetaAt: null, entryPoint: { referralAt: new Date(SENT.getTime() + 60_000), openedAt: null } } };
    expect(windowAtSend(now, hoursBefore(30), SENT)).toEqual({ lastInboundAt: hoursBefore(30), closedByMetaAt: null, entryPoint: null });
    const referral = { referralAt: hoursBefore(1), openedAt: SENT };
    expect(windowAtSend({ ...now, window: { ...now.window, entryPoint: referral } }, null, SENT).entryPoint).toEqual(referral);
  });

  it.each<[string, ReturnType<typeof message>, Date | null, string | null, string | null]>([
    ['utility inside the window is free', message(), hoursBefore(2), 'utility', 'free_customer_service'],
    ['utility outside the window is billed', message(), hoursBefore(30), 'utility', 'regular'],
    ['marketing is billed', message({ pricingCategory: 'MARKETING' }), hoursBefore(2), 'marketing', 'regular'],
    ['free-form is a service message', message({ type: 'text', pricingCategory: 'SERVICE' }), hoursBefore(2), 'service', 'free_customer_service'],
    ['a template without a known category cannot be predicted', message({ pricingCategory: null }), null, null, null],
    ['before any pricing regime', message({ sentAt: new Date('2020-01-01T00:00:00Z') }), null, null, null],
  ])('%s', (_name, sent, lastInbound, category, type) => {
    const predicted = expectedPricing(sent, { ...EMPTY_WINDOW, lastInboundAt: lastInbound });
    expect(predicted === null ? null : [predicted.category, predicted.type]).toEqual(category === null ? null : [category, type]);
  });

  it('reads the webhook objects reconciliation needs', () => {
    expect(webhookPricingOf(undefined)).toBeNull();
    expect(webhookPricingOf({ billable: true })).toBeNull();
    expect(webhookPricingOf({ billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' })).toEqual({ billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' });
    expect(webhookConversationOf(undefined)).toBeUndefined();
    expect(webhookConversationOf({ id: 'c1', origin: { type: 'referral_conversion' } })).toEqual({ id: 'c1', origin: { type: 'referral_conversion' } });
  });
});
