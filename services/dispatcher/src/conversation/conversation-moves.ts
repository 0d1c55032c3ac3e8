import { applyConversationEvent, type ConversationEvent } from '@recado/domain';
import { lockConversationStates, saveConversationStates, type ConversationPair, type ConversationStateInput, type Db } from '@recado/persistence';
import { toConversationState, toStoredState } from './conversation-rows';

export interface ConversationMove {
  readonly pair: ConversationPair;
  readonly event: ConversationEvent;
}

/** Moves one (number, contact) conversation by an event, through the rules engine's transitions. */
export async function moveConversation(db: Db, tenantId: string, pair: ConversationPair, event: ConversationEvent): Promise<void> {
  await moveConversations(db, tenantId, [{ pair, event }]);
}

/** Moves several conversations in order (a pair may move more than once), with all their rows locked in one statement. */
export async function moveConversations(db: Db, tenantId: string, moves: readonly ConversationMove[]): Promise<void> {
  const key = (pair: ConversationPair): string => `${pair.phoneNumberId}:${pair.contactId}`;
  const locked = await lockConversationStates(db, tenantId, moves.map((move) => move.pair));
  const states = new Map(locked.map((row) => [key(row), toConversationState(row)]));
  const saved = new Map<string, ConversationStateInput>();
  for (const { pair, event } of moves) {
    const next = applyConversationEvent(states.get(key(pair)) ?? toConversationState(null), event);
    states.set(key(pair), next);
    saved.set(key(pair), toStoredState(pair, next, event.at));
  }
  await saveConversationStates(db, tenantId, [...saved.values()]);
}
