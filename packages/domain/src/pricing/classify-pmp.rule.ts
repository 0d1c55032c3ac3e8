import type { TemplateCategory } from '../templates/template.model';
import type { PricingCategory, PricingClassification, PricingFacts, PricingType, RateCategory } from './pricing.model';
import type { PmpRegime } from './pricing-regimes.data';
import { generalPurposeAiBilled } from './ai-provider-markets.data';
import { countryOfWaId } from './calling-codes.data';

function result(regime: PmpRegime, category: PricingCategory, type: PricingType, billedAs: RateCategory | null): PricingClassification {
  const billable = type === 'regular';
  return { pricingModel: 'PMP', category, billable, type, charged: billable, billedAs: billable ? billedAs : null, regimeId: regime.id };
}

function classifyTemplate(regime: PmpRegime, category: TemplateCategory, facts: PricingFacts): PricingClassification {
  switch (category) {
    case 'MARKETING':
      return result(regime, 'marketing', 'regular', 'marketing');
    case 'AUTHENTICATION':
      return facts.authenticationInternational
        ? result(regime, 'authentication-international', 'regular', 'authentication_international')
        : result(regime, 'authentication', 'regular', 'authentication');
    case 'UTILITY': {
      const free = facts.customerServiceWindowOpen && regime.utilityInWindow === 'free';
      return result(regime, 'utility', free ? 'free_customer_service' : 'regular', 'utility');
    }
  }
}

/**
 * Per-message pricing [M1] [M5]: each delivered template is billed by category, except inside a
 * free entry point and (per regime) utility inside the customer service window; service messages
 * are free up to the regime's monthly free tier.
 */
export function classifyPmp(regime: PmpRegime, facts: PricingFacts, localDate: string): PricingClassification {
  if (facts.freeEntryPointWindowOpen) {
    return { ...result(regime, 'referral_conversion', 'free_entry_point', null), conversation: { originType: 'referral_conversion', opensNew: false } };
  }
  if (facts.message.kind === 'template') return classifyTemplate(regime, facts.message.category, facts);
  if (facts.generalPurposeAiProvider && generalPurposeAiBilled(countryOfWaId(facts.recipientWaId), localDate)) {
    return result(regime, 'general_purpose_ai', 'regular', 'general_purpose_ai');
  }
  const withinFreeTier = (facts.serviceFreeTierUsed ?? 0) < regime.serviceMonthlyFreeTier;
  return result(regime, 'service', withinFreeTier ? 'free_customer_service' : 'regular', regime.serviceBilledAs);
}
