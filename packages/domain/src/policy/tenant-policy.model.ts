import type { ConsentCategory } from '../consent';
import type { MarketingCapPolicy, QuietHours, UsMarketingPausePolicy } from '../limits';
import { DEFAULT_PAIR_MIN_GAP_MS, DEFAULT_US_MARKETING_PAUSE } from '../limits';
import type { WindowDurations } from '../window';
import { DEFAULT_WINDOW_DURATIONS } from '../window';

export interface QuietHoursPolicy extends QuietHours {
  /** Template categories held back during quiet hours (free-form replies never are). */
  readonly categories: readonly ConsentCategory[];
}

export type LimitReachedAction = 'DEFER' | 'REJECT';

/** A tenant's sending policy; every field has a default in DEFAULT_TENANT_POLICY. */
export interface TenantPolicy {
  readonly marketingCap: MarketingCapPolicy;
  readonly onMarketingCapReached: LimitReachedAction;
  readonly quietHours: QuietHoursPolicy | null;
  /** IANA zone for contacts without a (valid) one. */
  readonly defaultTimeZone: string;
  readonly usMarketingPause: UsMarketingPausePolicy;
  /** Minimum gap between two messages to one contact; 0 disables the check. */
  readonly pairMinGapMs: number;
  readonly onMessagingLimitReached: LimitReachedAction;
  /**
   * Categories sent on another legal basis (LGPD art. 7 V contract, IX legitimate interest)
   * [T13]: no opt-in needed, but an opt-out still blocks. Marketing always needs opt-in.
   */
  readonly optInNotRequiredFor: readonly Exclude<ConsentCategory, 'MARKETING'>[];
  readonly windowDurations: WindowDurations;
}

export const DEFAULT_TENANT_POLICY: TenantPolicy = {
  marketingCap: { per24h: null, per7d: null },
  onMarketingCapReached: 'DEFER',
  quietHours: null,
  defaultTimeZone: 'UTC',
  usMarketingPause: DEFAULT_US_MARKETING_PAUSE,
  pairMinGapMs: DEFAULT_PAIR_MIN_GAP_MS,
  onMessagingLimitReached: 'DEFER',
  optInNotRequiredFor: [],
  windowDurations: DEFAULT_WINDOW_DURATIONS,
};
