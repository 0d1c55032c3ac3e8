import { applyConversationEvent, type ConversationEvent } from '@recado/domain';
import { lockConversationStates, writeLockedConversationStates, type ConversationPair, type ConversationStateInput, type Db } from '@recado/persistence';
import { sameWindowFacts, toConversationState, toStoredState } from './conversation-rows';

export interface ConversationMove {
  readonly pair: ConversationPair;
  readonly event: ConversationEvent;
}

/** Moves one (number, contact) conversation by an event, through the rules engine's transitions. */
export async function moveConversation(db: Db, tenantId: string, pair: ConversationPair, event: ConversationEvent): Promise<void> {
  await moveConversations(db, tenantId, [{ pair, event }]);
}

/** Moves several conversations in order (a pair may move more than once), with all their rows locked first; writes only the rows that change. */
export async function moveConversations(db: Db, tenantId: string, moves: readonly ConversationMove[]): Promise<void> {
  const key = (pair: ConversationPair): string => `${pair.phoneNumberId}:${pair.contactId}`;
  const locked = new Map((await lockConversationStates(db, tenantId, moves.map((move) => move.pair))).map((row) => [key(row), row]));
  const states = new Map([...locked].map(([pairKey, row]) => [pairKey, toConversationState(row)]));
  const changed = new Map<string, ConversationStateInput>();
  for (const { pair, event } of moves) {
    const next = applyConversationEvent(states.get(key(pair)) ?? toConversationState(null), event);
    states.set(key(pair), next);
    const stored = toStoredState(pair, next, event.at);
    const before = locked.get(key(pair));
    // A later move may bring a pair back to what is stored: then nothing is written for it.
    if (before !== undefined && sameWindowFacts(before, stored)) changed.delete(key(pair));
    else changed.set(key(pair), stored);
  }
  await writeLockedConversationStates(db, tenantId, [...changed.values()]);
}
