import type { MessageStatus as StatusEvent } from '@recado/contracts';
import { reconcile, type PricingClassification } from '@recado/domain';
import { getContact, getConversationState, lastInboundBefore, reconcileMessagePrice, recordPricingReconciliation, type Db, type Message } from '@recado/persistence';
import { toConversationState } from '../conversation/conversation-rows';
import { expectedPricing, webhookConversationOf, webhookPricingOf, windowAtSend } from './pricing-facts';

/**
 * Keeps Meta's `pricing` once per message and compares it with the domain's prediction for
 * the message as it was sent (RULES §2.4: it may come on sent and again on delivered or read).
 */
export async function reconcileStatusPricing(db: Db, tenantId: string, message: Message & { wamid: string }, status: StatusEvent): Promise<void> {
  const actual = webhookPricingOf(status.pricing);
  if (actual === null || status.pricing === undefined) return;
  const at = new Date(status.occurredAt);
  if (!(await reconcileMessagePrice(db, tenantId, message.wamid, { ...status.pricing }, at))) return;
  const conversation = webhookConversationOf(status.conversation);
  const expected = await predictPricing(db, tenantId, message, at);
  const report = expected === null ? null : reconcile({ pricing: expected }, actual, conversation);
  await recordPricingReconciliation(db, tenantId, {
    messageId: message.id,
    wamid: message.wamid,
    expected: expected === null ? null : { ...expected },
    actual: { ...status.pricing },
    conversation: conversation === undefined ? null : { ...conversation },
    matches: report?.matches ?? null,
    differences: (report?.differences ?? []).map((difference) => ({ ...difference })),
    reconciledAt: at,
  });
}

async function predictPricing(db: Db, tenantId: string, message: Message, statusAt: Date): Promise<PricingClassification | null> {
  const contact = await getContact(db, tenantId, message.contactId);
  if (contact?.waId == null) return null;
  const sentAt = message.acceptedAt ?? message.sentAt ?? statusAt;
  const pair = { phoneNumberId: message.phoneNumberId, contactId: message.contactId };
  const stored = toConversationState(await getConversationState(db, tenantId, pair.phoneNumberId, pair.contactId));
  const window = windowAtSend(stored, await lastInboundBefore(db, tenantId, pair, sentAt), sentAt);
  return expectedPricing({ type: message.type, pricingCategory: message.pricingCategory, sentAt, recipientWaId: contact.waId }, window);
}
