import type { PricingClassification, PricingFacts } from './pricing.model';
import { findPricingRegime, PRICING_REGIMES, type PricingRegime } from './pricing-regimes.data';
import { classifyCbp } from './classify-cbp.rule';
import { classifyPmp } from './classify-pmp.rule';
import { localDate } from './local-date.util';

/**
 * Predicts Meta's webhook `pricing` object for a message sent at `at`, under the regime in force
 * then. Throws a RangeError only when no regime covers `at` (before 2023-06-01 with the shipped data).
 */
export function classifyPricing(
  facts: PricingFacts,
  at: Date,
  regimes: readonly PricingRegime[] = PRICING_REGIMES,
): PricingClassification {
  const offset = facts.wabaUtcOffsetMinutes ?? 0;
  const regime = findPricingRegime(at, regimes, offset);
  if (!regime) throw new RangeError(`No pricing regime in force at ${at.toISOString()}.`);
  switch (regime.pricingModel) {
    case 'CBP':
      return classifyCbp(regime, facts, at);
    case 'PMP':
      return classifyPmp(regime, facts, localDate(at, offset));
  }
}
