import type { Message } from '@recado/persistence';

/** An outbound message row as the send path leaves it, with `overrides` (columns the projector never reads are left out). */
export function messageRow(overrides: Partial<Message> = {}): Message {
  const row: Partial<Message> = {
    id: '00000000-0000-4000-8000-000000000001', tenantId: '00000000-0000-4000-8000-000000000002',
    phoneNumberId: '00000000-0000-4000-8000-000000000003', contactId: '00000000-0000-4000-8000-000000000004',
    conversationId: null, direction: 'OUTBOUND', type: 'template', content: null, templateName: 'order_update', templateLanguage: 'pt_BR',
    templateParameters: null, commandId: 'cmd-1', decision: 'ALLOW', reasonCode: null, status: 'ACCEPTED',
    acceptedAt: new Date('2026-04-01T10:00:00Z'), heldAt: null, sentAt: null, deliveredAt: null, readAt: null, playedAt: null, failedAt: null, metaCallStartedAt: null,
    wamid: 'wamid.1', metaErrorCode: null, metaError: null, pricingCategory: 'UTILITY', costEstimate: null, costCurrency: null,
    reconciledPricing: null, reconciledAt: null, createdAt: new Date('2026-04-01T10:00:00Z'),
    ...overrides,
  };
  return row as Message;
}
