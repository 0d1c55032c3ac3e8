import type { MessagingLimitFacts, MessagingLimitRegime, MessagingLimitTier } from './messaging-limit.model';
import { MESSAGING_LIMIT_CAPACITY, MESSAGING_LIMIT_REGIMES } from './messaging-limit.model';

/** The regime in force at `at`. */
export function messagingLimitRegimeAt(
  at: Date,
  regimes: readonly MessagingLimitRegime[] = MESSAGING_LIMIT_REGIMES,
): MessagingLimitRegime {
  let current = regimes[0];
  for (const regime of regimes) {
    if (regime.from === null || regime.from.getTime() <= at.getTime()) current = regime;
  }
  if (current === undefined) throw new RangeError('No messaging-limit regime configured.');
  return current;
}

export type MessagingLimitCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly limit: number; readonly until: Date | null };

/** Whether a send that counts toward the limit fits; sends that do not count always fit. */
export function checkMessagingLimit(facts: MessagingLimitFacts, countsTowardLimit: boolean): MessagingLimitCheck {
  const limit = MESSAGING_LIMIT_CAPACITY[facts.tier];
  if (!countsTowardLimit || limit === null || facts.recipientCounted) return { ok: true };
  if (facts.uniqueRecipients24h < limit) return { ok: true };
  return { ok: false, limit, until: facts.nextSlotFreesAt };
}

const WEBHOOK_LIMITS: Readonly<Record<string, MessagingLimitTier>> = {
  '250': 'TIER_250',
  '1000': 'TIER_1K',
  '2000': 'TIER_2K',
  '10000': 'TIER_10K',
  '100000': 'TIER_100K',
  UNLIMITED: 'TIER_UNLIMITED',
  TIER_250: 'TIER_250',
  TIER_1K: 'TIER_1K',
  TIER_2K: 'TIER_2K',
  TIER_10K: 'TIER_10K',
  TIER_100K: 'TIER_100K',
  TIER_UNLIMITED: 'TIER_UNLIMITED',
};

/** Reads a tier from the API field or a webhook value (`2000`, `UNLIMITED`, `TIER_2K`…). */
export function parseMessagingLimitTier(value: string): MessagingLimitTier | null {
  const key = value.trim().toUpperCase();
  return Object.hasOwn(WEBHOOK_LIMITS, key) ? (WEBHOOK_LIMITS[key] ?? null) : null;
}
