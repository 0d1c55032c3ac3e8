import type {
  MessageStatus,
  MessageStatusState,
  ProgressStatus,
  StatusFailure,
  StatusUpdate,
} from './status.model';
import { EMPTY_STATUS_STATE, PROGRESS_ORDER } from './status.model';

/** The state holding a single update. */
export function statusStateOf(update: StatusUpdate): MessageStatusState {
  if (update.status === 'FAILED') {
    return { observed: {}, failure: { at: update.at, errors: update.errors ?? [] } };
  }
  return { observed: { [update.status]: update.at }, failure: null };
}

/**
 * Join of two states: commutative, associative and idempotent, so any order of
 * (duplicated) webhooks yields the same state [I1] [I2] [I20].
 */
export function mergeStatusStates(a: MessageStatusState, b: MessageStatusState): MessageStatusState {
  const observed: Partial<Record<ProgressStatus, Date>> = {};
  for (const status of PROGRESS_ORDER) {
    const later = latest(a.observed[status], b.observed[status]);
    if (later !== undefined) observed[status] = later;
  }
  return { observed, failure: mergeFailures(a.failure, b.failure) };
}

/** Applies one update to a state. */
export function applyStatusUpdate(state: MessageStatusState, update: StatusUpdate): MessageStatusState {
  return mergeStatusStates(state, statusStateOf(update));
}

/** Folds any sequence of updates; the result does not depend on their order. */
export function foldStatusUpdates(updates: readonly StatusUpdate[]): MessageStatusState {
  return updates.reduce(applyStatusUpdate, EMPTY_STATUS_STATE);
}

function latest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.getTime() > a.getTime() ? b : a;
}

function mergeFailures(a: StatusFailure | null, b: StatusFailure | null): StatusFailure | null {
  if (a === null) return b;
  if (b === null) return a;
  const byTime = a.at.getTime() - b.at.getTime();
  if (byTime !== 0) return byTime > 0 ? a : b;
  // Same instant, different errors: pick by content so the choice is order-independent.
  return JSON.stringify(a.errors) <= JSON.stringify(b.errors) ? a : b;
}

const WEBHOOK_STATUSES: Readonly<Record<string, MessageStatus>> = {
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'READ',
  played: 'PLAYED',
  failed: 'FAILED',
};

/**
 * Maps a status webhook's `status` string; `null` for values without meaning here
 * (e.g. the legacy On-Premises `deleted`) [M5] [M41].
 */
export function parseWebhookStatus(value: string): MessageStatus | null {
  return Object.hasOwn(WEBHOOK_STATUSES, value) ? (WEBHOOK_STATUSES[value] ?? null) : null;
}
