import { applyConversationEvent, NEW_CONVERSATION } from '@recado/domain';
import type { ConversationState as StoredState } from '@recado/persistence';
import { toConversationState, toStoredState } from './conversation-rows';

const pair = { phoneNumberId: 'p', contactId: 'c' };

describe('conversation rows', () => {
  it('reads a missing row as a new conversation', () => {
    expect(toConversationState(null)).toEqual(NEW_CONVERSATION);
  });

  it('round-trips a state with a free entry point', () => {
    const at = new Date('2026-04-01T10:00:00Z');
    const state = applyConversationEvent(NEW_CONVERSATION, { kind: 'INBOUND_RECEIVED', at, referral: true });
    const stored = toStoredState(pair, state, at);
    expect(stored).toEqual({ ...pair, lastInboundAt: at, closedByMetaAt: null, entryPoint: { referralAt: at.toISOString(), openedAt: null }, reEngagementSentAt: null, updatedAt: at });
    expect(toConversationState({ ...stored, tenantId: 't' } as StoredState)).toEqual(state);
  });
});
