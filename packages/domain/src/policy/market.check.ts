import { recipientPhoneNumber } from '../identity';
import type { CapPeriod } from '../limits';
import { checkMarketingCap, isUsMarketingPaused, isValidTimeZone, quietHoursDeferUntil } from '../limits';
import type { CheckResult, DecisionContext } from './decision-context';
import { defer, deferOrReject, reject } from './decision-context';
import type { ReasonCode } from './reason-codes';

/** §11 step 5: marketing templates to US numbers are refused while Meta's pause stands. */
export function checkUsMarketingPause({ category, facts, now }: DecisionContext): CheckResult {
  if (category !== 'MARKETING') return null;
  const recipient = recipientPhoneNumber(facts.contact.identity);
  if (recipient === null || !isUsMarketingPaused(facts.tenant.usMarketingPause, recipient, now)) return null;
  return reject('US_MARKETING_PAUSED', 'Meta pauses marketing templates to US numbers (since 2025-04-01).');
}

/** §11 step 5: after 131049, no marketing to this contact for 24 h. */
export function checkMarketingHold({ category, facts, now }: DecisionContext): CheckResult {
  const until = facts.contact.marketingHeldUntil;
  if (category !== 'MARKETING' || until === null || until.getTime() <= now.getTime()) return null;
  return defer('MARKETING_HELD_BY_META', until, 'Meta capped marketing to this contact (131049); waiting 24 h.');
}

const CAP_CODES: Readonly<Record<CapPeriod, ReasonCode>> = { '24H': 'MARKETING_CAP_24H', '7D': 'MARKETING_CAP_7D' };

/** Tenant frequency cap on marketing templates per contact. */
export function checkMarketingFrequency({ category, facts, now }: DecisionContext): CheckResult {
  if (category !== 'MARKETING') return null;
  const cap = checkMarketingCap(facts.recentSends, facts.tenant.marketingCap, now);
  if (cap.ok) return null;
  const message = `At most ${cap.limit} marketing templates per contact per ${cap.period === '24H' ? '24 h' : '7 days'}.`;
  return deferOrReject(CAP_CODES[cap.period], cap.until, facts.tenant.onMarketingCapReached, message);
}

/** Tenant quiet hours in the contact's zone: defer to the next allowed minute. */
export function checkQuietHours({ category, facts, now }: DecisionContext): CheckResult {
  const quiet = facts.tenant.quietHours;
  if (quiet === null || category === null || !quiet.categories.includes(category)) return null;
  const zone = contactTimeZone(facts.contact.timeZone, facts.tenant.defaultTimeZone);
  const until = quietHoursDeferUntil(quiet, zone, now);
  if (until === null) return null;
  return defer('QUIET_HOURS', until, `Quiet hours ${quiet.start}–${quiet.end} in ${zone}.`);
}

/** The contact's zone when valid, else the tenant's, else UTC. */
export function contactTimeZone(contactZone: string | null, tenantZone: string): string {
  if (contactZone !== null && isValidTimeZone(contactZone)) return contactZone;
  return isValidTimeZone(tenantZone) ? tenantZone : 'UTC';
}
