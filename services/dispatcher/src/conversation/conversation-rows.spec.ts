import { applyConversationEvent, NEW_CONVERSATION } from '@recado/domain';
import type { ConversationState as StoredState } from '@recado/persistence';
import { sameWindowFacts, toConversationState, toStoredState } from './conversation-rows';

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

  describe('sameWindowFacts', () => {
    const at = new Date('2026-04-01T10:00:00Z');
    const later = new Date('2026-04-01T11:00:00Z');
    const base = { ...pair, lastInboundAt: at, closedByMetaAt: null, entryPoint: { referralAt: at.toISOString(), openedAt: null }, reEngagementSentAt: null, updatedAt: at };

    it.each([
      ['an equal copy, other Date objects', { lastInboundAt: new Date(at.getTime()) }, true],
      ['only updatedAt differs', { updatedAt: later }, true],
      ['lastInboundAt', { lastInboundAt: later }, false],
      ['lastInboundAt cleared', { lastInboundAt: null }, false],
      ['closedByMetaAt', { closedByMetaAt: later }, false],
      ['reEngagementSentAt', { reEngagementSentAt: later }, false],
      ['entry point removed', { entryPoint: null }, false],
      ['entry point opened', { entryPoint: { referralAt: at.toISOString(), openedAt: later.toISOString() } }, false],
      ['entry point referral', { entryPoint: { referralAt: later.toISOString(), openedAt: null } }, false],
    ] as const)('%s', (_name, change, same) => {
      expect(sameWindowFacts(base, { ...base, ...change })).toBe(same);
      expect(sameWindowFacts({ ...base, ...change }, base)).toBe(same);
    });
  });
});
