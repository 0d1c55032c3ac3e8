import { addMs, DAY_MS } from '../time';
import { isUsPhoneNumber } from '../identity';

/** Follow-up of 131049: no marketing to that recipient for at least 24 h [M21] [M27]. */
export function marketingHoldUntil(failedAt: Date): Date {
  return addMs(failedAt, DAY_MS);
}

/** Meta paused marketing templates to US numbers from 2025-04-01 [M21] [T10]. */
export const US_MARKETING_PAUSE_SINCE = new Date('2025-04-01T00:00:00Z');

/** Kept configurable: whether the pause still stands is an open question (RULES §14). */
export interface UsMarketingPausePolicy {
  readonly enabled: boolean;
  readonly since: Date;
}

export const DEFAULT_US_MARKETING_PAUSE: UsMarketingPausePolicy = { enabled: true, since: US_MARKETING_PAUSE_SINCE };

/** `true` when a marketing template to `recipientDigits` falls under the US pause at `now`. */
export function isUsMarketingPaused(policy: UsMarketingPausePolicy, recipientDigits: string, now: Date): boolean {
  return policy.enabled && now.getTime() >= policy.since.getTime() && isUsPhoneNumber(recipientDigits);
}
