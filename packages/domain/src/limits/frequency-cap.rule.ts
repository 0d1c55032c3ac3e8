import { addMs, DAY_MS } from '../time';
import type { RecentSend } from './send-history.model';

/** Tenant cap on marketing templates per contact; `null` = no cap. */
export interface MarketingCapPolicy {
  readonly per24h: number | null;
  readonly per7d: number | null;
}

export type CapPeriod = '24H' | '7D';

export type CapCheck =
  | { readonly ok: true }
  /** `until`: when a slot frees up; `null` when the cap is 0 (never). */
  | { readonly ok: false; readonly period: CapPeriod; readonly limit: number; readonly until: Date | null };

const PERIOD_MS: Readonly<Record<CapPeriod, number>> = { '24H': DAY_MS, '7D': 7 * DAY_MS };

/** Whether one more marketing template fits the caps at `now` (moving windows). */
export function checkMarketingCap(sends: readonly RecentSend[], policy: MarketingCapPolicy, now: Date): CapCheck {
  const marketing = sends
    .filter((send) => send.category === 'MARKETING')
    .map((send) => send.at.getTime())
    .sort((a, b) => b - a);
  const day = checkPeriod(marketing, policy.per24h, '24H', now);
  const week = checkPeriod(marketing, policy.per7d, '7D', now);
  if (day.ok) return week;
  if (week.ok) return day;
  return laterCheck(day, week);
}

function checkPeriod(newestFirst: readonly number[], limit: number | null, period: CapPeriod, now: Date): CapCheck {
  if (limit === null) return { ok: true };
  const since = now.getTime() - PERIOD_MS[period];
  const inPeriod = newestFirst.filter((at) => at > since);
  if (inPeriod.length < limit) return { ok: true };
  // The limit-th newest send must age out before another one fits.
  const blocking = inPeriod[limit - 1];
  const until = blocking === undefined ? null : addMs(new Date(blocking), PERIOD_MS[period]);
  return { ok: false, period, limit, until };
}

function laterCheck(a: CapCheck & { ok: false }, b: CapCheck & { ok: false }): CapCheck {
  if (a.until === null) return a;
  if (b.until === null) return b;
  return b.until.getTime() > a.until.getTime() ? b : a;
}
