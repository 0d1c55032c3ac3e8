import { HOUR_MS } from '../time';
import type { ConversationEvent, ConversationState, ConversationStatus } from './conversation.model';
import { NEW_CONVERSATION } from './conversation.model';
import { applyConversationEvent, conversationAt } from './conversation.transitions';

const T0 = new Date('2026-03-01T12:00:00Z');
const h = (hours: number): Date => new Date(T0.getTime() + hours * HOUR_MS);
const inbound = (hours: number, referral = false): ConversationEvent => ({ kind: 'INBOUND_RECEIVED', at: h(hours), referral });
const template = (hours: number): ConversationEvent => ({ kind: 'TEMPLATE_SENT', at: h(hours) });
const freeForm = (hours: number): ConversationEvent => ({ kind: 'FREE_FORM_SENT', at: h(hours) });
const closedByMeta = (hours: number): ConversationEvent => ({ kind: 'WINDOW_CLOSED_BY_META', at: h(hours) });

const replay = (events: readonly ConversationEvent[]): ConversationState =>
  events.reduce((state, event) => applyConversationEvent(state, event), NEW_CONVERSATION);

describe('conversation state', () => {
  it.each<[string, readonly ConversationEvent[], number, ConversationStatus]>([
    ['new contact', [], 0, 'CLOSED'],
    ['contact wrote', [inbound(0)], 1, 'OPEN'],
    ['window expired', [inbound(0)], 24, 'CLOSED'],
    ['template inside the window keeps it open', [inbound(0), template(2)], 3, 'OPEN'],
    ['template after expiry awaits the reply', [inbound(0), template(30)], 31, 'AWAITING_REPLY'],
    ['first template to a new contact awaits the reply', [template(0)], 1, 'AWAITING_REPLY'],
    ['second template keeps awaiting', [inbound(0), template(30), template(40)], 41, 'AWAITING_REPLY'],
    ['the reply re-opens', [inbound(0), template(30), inbound(35)], 36, 'OPEN'],
    ['after the reply window expires: closed again', [inbound(0), template(30), inbound(35)], 60, 'CLOSED'],
    ['131047 closes an open window', [inbound(0), freeForm(1), closedByMeta(2)], 3, 'CLOSED'],
    ['late webhook of an older inbound does not answer the template', [inbound(0), template(30), inbound(-20)], 31, 'AWAITING_REPLY'],
  ])('%s → %s', (_name, events, hoursLater, status) => {
    expect(conversationAt(replay(events), h(hoursLater)).status).toBe(status);
  });

  it('keeps the first re-engagement time and clears it on the reply', () => {
    const waiting = replay([inbound(0), template(30), template(40)]);
    expect(waiting.reEngagementSentAt).toEqual(h(30));
    expect(replay([inbound(0), template(40), template(30)]).reEngagementSentAt).toEqual(h(30));
    expect(applyConversationEvent(waiting, inbound(41)).reEngagementSentAt).toBeNull();
  });

  it('opens the free entry point with the first business reply after a referral', () => {
    const state = replay([inbound(0, true), freeForm(1)]);
    expect(state.window.entryPoint).toEqual({ referralAt: h(0), openedAt: h(1) });
    expect(replay([inbound(0, true), template(2)]).window.entryPoint?.openedAt).toEqual(h(2));
  });
});
