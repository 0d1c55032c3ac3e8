import { applyConversationEvent, type ConversationEvent } from '@recado/domain';
import { lockConversationState, saveConversationState, type Db } from '@recado/persistence';
import { toConversationState, toStoredState } from './conversation-rows';

/** Moves one (number, contact) conversation by an event, through the rules engine's transitions. */
export async function moveConversation(db: Db, tenantId: string, pair: { phoneNumberId: string; contactId: string }, event: ConversationEvent): Promise<void> {
  const stored = await lockConversationState(db, tenantId, pair.phoneNumberId, pair.contactId);
  const next = applyConversationEvent(toConversationState(stored), event);
  await saveConversationState(db, tenantId, toStoredState(pair, next, event.at));
}
