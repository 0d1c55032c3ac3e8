import { SECOND_MS } from '../time';
import type { RecentSend } from './send-history.model';

/** Meta's pair rate: about 1 message per 6 s from one business number to one user [M31]. */
export const DEFAULT_PAIR_MIN_GAP_MS = 6 * SECOND_MS;

/**
 * The instant the next message to the contact may go, or `null` when it may go now: at
 * least `minGapMs` after the latest send.
 */
export function pairRateDeferUntil(sends: readonly RecentSend[], minGapMs: number, now: Date): Date | null {
  if (minGapMs <= 0) return null;
  let latest = Number.NEGATIVE_INFINITY;
  for (const send of sends) latest = Math.max(latest, send.at.getTime());
  const nextAt = latest + minGapMs;
  return nextAt > now.getTime() ? new Date(nextAt) : null;
}
