import type { WindowDurations } from '../window';
import {
  customerServiceWindowAt,
  DEFAULT_WINDOW_DURATIONS,
  markWindowClosed,
  recordBusinessReply,
  recordInbound,
} from '../window';
import type { ConversationEvent, ConversationState, ConversationView } from './conversation.model';

/** Applies one event; pure, so replaying the same events gives the same state. */
export function applyConversationEvent(
  state: ConversationState,
  event: ConversationEvent,
  durations: WindowDurations = DEFAULT_WINDOW_DURATIONS,
): ConversationState {
  switch (event.kind) {
    case 'INBOUND_RECEIVED':
      return onInbound(state, event.at, event.referral, durations);
    case 'TEMPLATE_SENT':
      return onTemplateSent(state, event.at, durations);
    case 'FREE_FORM_SENT':
      return { ...state, window: recordBusinessReply(state.window, event.at, durations) };
    case 'WINDOW_CLOSED_BY_META':
      return { ...state, window: markWindowClosed(state.window, event.at) };
  }
}

function onInbound(state: ConversationState, at: Date, referral: boolean, durations: WindowDurations): ConversationState {
  const window = recordInbound(state.window, { at, referral }, durations);
  const pending = state.reEngagementSentAt;
  const answered = pending !== null && at.getTime() >= pending.getTime();
  return { window, reEngagementSentAt: answered ? null : pending };
}

function onTemplateSent(state: ConversationState, at: Date, durations: WindowDurations): ConversationState {
  const window = recordBusinessReply(state.window, at, durations);
  if (customerServiceWindowAt(state.window, at, durations).open) return { ...state, window };
  const pending = state.reEngagementSentAt;
  const first = pending !== null && pending.getTime() <= at.getTime() ? pending : at;
  return { window, reEngagementSentAt: first };
}

/** The conversation at `now`. */
export function conversationAt(
  state: ConversationState,
  now: Date,
  durations: WindowDurations = DEFAULT_WINDOW_DURATIONS,
): ConversationView {
  const window = customerServiceWindowAt(state.window, now, durations);
  if (window.open) return { status: 'OPEN', window, reEngagementSentAt: state.reEngagementSentAt };
  const status = state.reEngagementSentAt === null ? 'CLOSED' : 'AWAITING_REPLY';
  return { status, window, reEngagementSentAt: state.reEngagementSentAt };
}
