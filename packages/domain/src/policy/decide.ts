import type { Decision, DecisionFacts, DeferDecision, SendCommand } from './decision.model';
import type { Check } from './decision-context';
import { buildContext } from './decision-context';
import { checkRecipient, checkSenderHalted } from './identity.check';
import { checkConsent } from './consent.check';
import { checkWindow } from './window.check';
import { checkTemplate } from './template.check';
import { checkMarketingFrequency, checkMarketingHold, checkQuietHours, checkUsMarketingPause } from './market.check';
import { checkMessagingLimitSlot, checkPairRate } from './rate.check';

/** Checks in RULES.md §11 order: identity, consent, window, template, market, rate shaping. */
export const DECISION_CHECKS: readonly Check[] = [
  checkSenderHalted,
  checkRecipient,
  checkConsent,
  checkWindow,
  checkTemplate,
  checkUsMarketingPause,
  checkMarketingHold,
  checkMarketingFrequency,
  checkQuietHours,
  checkMessagingLimitSlot,
  checkPairRate,
];

const ALLOW: Decision = { outcome: 'ALLOW' };

/**
 * May this message leave now? The first REJECT in §11 order wins; otherwise the DEFER with
 * the latest `until` (so the command is not woken up only to wait again); otherwise ALLOW.
 * Pure and deterministic: equal inputs give equal decisions.
 */
export function decide(command: SendCommand, facts: DecisionFacts, now: Date): Decision {
  if (Number.isNaN(now.getTime())) throw new RangeError('decide() needs a valid `now`.');
  const context = buildContext(command, facts, now);
  let deferral: DeferDecision | null = null;
  for (const check of DECISION_CHECKS) {
    const result = check(context);
    if (result === null) continue;
    if (result.outcome === 'REJECT') return result;
    if (deferral === null || result.until.getTime() > deferral.until.getTime()) deferral = result;
  }
  return deferral ?? ALLOW;
}
