import { addMs } from '../time';
import type {
  CustomerServiceWindowView,
  FreeEntryPointView,
  WindowDurations,
  WindowState,
} from './window.model';
import { DEFAULT_WINDOW_DURATIONS } from './window.model';

/**
 * The customer service window at `now`: open for 24 h after the last inbound [M6].
 * An inbound stamped after `now` (clock skew) counts as received.
 */
export function customerServiceWindowAt(
  state: WindowState,
  now: Date,
  durations: WindowDurations = DEFAULT_WINDOW_DURATIONS,
): CustomerServiceWindowView {
  const { lastInboundAt, closedByMetaAt } = state;
  if (lastInboundAt === null) {
    return { open: false, expiresAt: null, reason: 'NO_INBOUND', lastInboundAt };
  }
  const expiresAt = addMs(lastInboundAt, durations.customerServiceMs);
  if (closedByMetaAt !== null && closedByMetaAt.getTime() >= lastInboundAt.getTime()) {
    return { open: false, expiresAt, reason: 'CLOSED_BY_META', lastInboundAt };
  }
  const open = now.getTime() < expiresAt.getTime();
  return { open, expiresAt, reason: open ? 'OPEN' : 'EXPIRED', lastInboundAt };
}

/** Shorthand: may a free-form message be sent at `now`? */
export function isCustomerServiceWindowOpen(
  state: WindowState,
  now: Date,
  durations: WindowDurations = DEFAULT_WINDOW_DURATIONS,
): boolean {
  return customerServiceWindowAt(state, now, durations).open;
}

/**
 * The free entry point at `now` [M1] [M2]: a referral inbound lets the business reply within
 * 24 h; that reply opens a 72 h window in which every message is free. It does not extend
 * the customer service window.
 */
export function freeEntryPointAt(
  state: WindowState,
  now: Date,
  durations: WindowDurations = DEFAULT_WINDOW_DURATIONS,
): FreeEntryPointView {
  const entryPoint = state.entryPoint;
  if (entryPoint === null) return { open: false, expiresAt: null, reason: 'NO_REFERRAL' };
  if (entryPoint.openedAt === null) {
    const replyBy = addMs(entryPoint.referralAt, durations.freeEntryPointReplyMs);
    const waiting = now.getTime() < replyBy.getTime();
    return { open: false, expiresAt: replyBy, reason: waiting ? 'AWAITING_BUSINESS_REPLY' : 'REPLY_DEADLINE_MISSED' };
  }
  const expiresAt = addMs(entryPoint.openedAt, durations.freeEntryPointMs);
  const open = now.getTime() < expiresAt.getTime();
  return { open, expiresAt, reason: open ? 'OPEN' : 'EXPIRED' };
}
