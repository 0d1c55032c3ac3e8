import { applyConversationEvent, type ConversationEvent } from '@recado/domain';
import { getConversationState, saveConversationState, type Db } from '@recado/persistence';
import { toConversationState } from './domain-facts';

/** Moves one (number, contact) conversation by an event, through the rules engine's transitions. */
export async function applyToConversation(db: Db, tenantId: string, phoneNumberId: string, contactId: string, event: ConversationEvent): Promise<void> {
  // Serialises writers of this pair (the projector moves it on inbound messages).
  await db.query(`SELECT 1 FROM conversation_states WHERE tenant_id = $1 AND phone_number_id = $2 AND contact_id = $3 FOR UPDATE`, [tenantId, phoneNumberId, contactId]);
  const stored = await getConversationState(db, tenantId, phoneNumberId, contactId);
  const next = applyConversationEvent(toConversationState(stored ?? undefined), event);
  const entryPoint = next.window.entryPoint === null ? null : { referralAt: next.window.entryPoint.referralAt.toISOString(), openedAt: next.window.entryPoint.openedAt?.toISOString() ?? null };
  await saveConversationState(db, tenantId, {
    phoneNumberId, contactId, lastInboundAt: next.window.lastInboundAt, closedByMetaAt: next.window.closedByMetaAt,
    entryPoint, reEngagementSentAt: next.reEngagementSentAt, updatedAt: event.at,
  });
}
