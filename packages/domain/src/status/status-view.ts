import type { MessageStatus, MessageStatusState, MessageStatusView, ProgressStatus } from './status.model';
import { PROGRESS_ORDER } from './status.model';

/**
 * Reads a state: the highest progress status wins; FAILED only when nothing beyond SENT
 * was seen (a failure after delivery is an anomaly, not a downgrade) [M5] §8.4.
 */
export function messageStatusOf(state: MessageStatusState): MessageStatusView {
  const at = impliedTimestamps(state);
  const highest = highestObserved(state);
  const failure = state.failure;
  const deliveredOrBeyond = highest !== null && PROGRESS_ORDER.indexOf(highest) >= PROGRESS_ORDER.indexOf('DELIVERED');
  const status: MessageStatus | null = failure !== null && !deliveredOrBeyond ? 'FAILED' : highest;
  return {
    status,
    at,
    failedAt: failure?.at ?? null,
    errors: failure?.errors ?? [],
    anomaly: failure !== null && deliveredOrBeyond ? 'FAILED_AFTER_DELIVERY' : null,
  };
}

function highestObserved(state: MessageStatusState): ProgressStatus | null {
  let highest: ProgressStatus | null = null;
  for (const status of PROGRESS_ORDER) if (state.observed[status] !== undefined) highest = status;
  return highest;
}

/** Each status's time: observed, else the earliest later status (it happened by then). */
function impliedTimestamps(state: MessageStatusState): Record<ProgressStatus, Date | null> {
  const result: Record<ProgressStatus, Date | null> = { ACCEPTED: null, SENT: null, DELIVERED: null, READ: null, PLAYED: null };
  let earliestLater: Date | null = null;
  for (const status of [...PROGRESS_ORDER].reverse()) {
    const seen = state.observed[status] ?? null;
    result[status] = seen ?? earliestLater;
    if (seen !== null && (earliestLater === null || seen.getTime() < earliestLater.getTime())) earliestLater = seen;
  }
  return result;
}

/** `true` once the message reached the device (read and played imply delivered). */
export function isDelivered(state: MessageStatusState): boolean {
  return messageStatusOf(state).at.DELIVERED !== null;
}
