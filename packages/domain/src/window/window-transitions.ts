import { laterOf } from '../time';
import type { InboundSignal, WindowDurations, WindowState } from './window.model';
import { DEFAULT_WINDOW_DURATIONS } from './window.model';
import { freeEntryPointAt } from './window-status';

/**
 * Records an inbound message. The anchor only moves forward, so a late-delivered older
 * webhook never shortens the window.
 */
export function recordInbound(
  state: WindowState,
  inbound: InboundSignal,
  durations: WindowDurations = DEFAULT_WINDOW_DURATIONS,
): WindowState {
  const lastInboundAt = laterOf(state.lastInboundAt, inbound.at);
  if (!inbound.referral) return { ...state, lastInboundAt };
  return { ...state, lastInboundAt, entryPoint: nextEntryPoint(state, inbound.at, durations) };
}

function nextEntryPoint(state: WindowState, referralAt: Date, durations: WindowDurations): WindowState['entryPoint'] {
  const current = state.entryPoint;
  if (current === null) return { referralAt, openedAt: null };
  if (referralAt.getTime() <= current.referralAt.getTime()) return current;
  // A new referral while a free entry point is open or still claimable keeps the current one.
  const view = freeEntryPointAt(state, referralAt, durations);
  if (view.reason === 'OPEN' || view.reason === 'AWAITING_BUSINESS_REPLY') return current;
  return { referralAt, openedAt: null };
}

/** Records a business message; the first reply within the deadline opens the free entry point. */
export function recordBusinessReply(
  state: WindowState,
  at: Date,
  durations: WindowDurations = DEFAULT_WINDOW_DURATIONS,
): WindowState {
  const entryPoint = state.entryPoint;
  if (entryPoint === null || entryPoint.openedAt !== null) return state;
  const sinceReferral = at.getTime() - entryPoint.referralAt.getTime();
  if (sinceReferral < 0 || sinceReferral >= durations.freeEntryPointReplyMs) return state;
  return { ...state, entryPoint: { ...entryPoint, openedAt: at } };
}

/**
 * Follow-up of error 131047: Meta refused a free-form message sent at `sentAt`, so the
 * window is closed until the next inbound, whatever our clock said.
 */
export function markWindowClosed(state: WindowState, sentAt: Date): WindowState {
  return { ...state, closedByMetaAt: laterOf(state.closedByMetaAt, sentAt) };
}
