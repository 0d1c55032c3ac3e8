import { NEW_CONVERSATION, type ConversationState } from '@recado/domain';
import type { ConversationState as StoredState, ConversationStateInput } from '@recado/persistence';

// Window rows as persistence stores them, read into (and written from) the rules engine's types.

export function toConversationState(row: StoredState | null): ConversationState {
  if (row === null) return NEW_CONVERSATION;
  const stored = row.entryPoint;
  const entryPoint = stored === null ? null : { referralAt: new Date(stored.referralAt), openedAt: stored.openedAt === null ? null : new Date(stored.openedAt) };
  return {
    window: { lastInboundAt: row.lastInboundAt, closedByMetaAt: row.closedByMetaAt, entryPoint },
    reEngagementSentAt: row.reEngagementSentAt,
  };
}

export function toStoredState(pair: { phoneNumberId: string; contactId: string }, state: ConversationState, at: Date): ConversationStateInput {
  const entryPoint = state.window.entryPoint;
  return {
    phoneNumberId: pair.phoneNumberId,
    contactId: pair.contactId,
    lastInboundAt: state.window.lastInboundAt,
    closedByMetaAt: state.window.closedByMetaAt,
    entryPoint: entryPoint === null ? null : { referralAt: entryPoint.referralAt.toISOString(), openedAt: entryPoint.openedAt?.toISOString() ?? null },
    reEngagementSentAt: state.reEngagementSentAt,
    updatedAt: at,
  };
}

const timeOf = (date: Date | null): number | null => (date === null ? null : date.getTime());

/** Whether two stored rows hold the same window facts (their `updatedAt` aside). */
export function sameWindowFacts(a: ConversationStateInput, b: ConversationStateInput): boolean {
  return (
    timeOf(a.lastInboundAt) === timeOf(b.lastInboundAt) &&
    timeOf(a.closedByMetaAt) === timeOf(b.closedByMetaAt) &&
    timeOf(a.reEngagementSentAt) === timeOf(b.reEngagementSentAt) &&
    a.entryPoint?.referralAt === b.entryPoint?.referralAt &&
    a.entryPoint?.openedAt === b.entryPoint?.openedAt
  );
}
