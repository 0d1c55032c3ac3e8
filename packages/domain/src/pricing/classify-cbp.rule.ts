import type { TemplateCategory } from '../templates/template.model';
import type { ConversationOriginType, OpenConversation, PricingCategory, PricingClassification, PricingFacts, RateCategory } from './pricing.model';
import type { CbpRegime } from './pricing-regimes.data';
import { addMs, HOUR_MS } from '../time';

export function originToCategory(origin: ConversationOriginType): PricingCategory {
  return origin === 'authentication_international' ? 'authentication-international' : origin;
}

type PaidOrigin = Exclude<ConversationOriginType, 'referral_conversion'>;

export function templateOrigin(category: TemplateCategory, authInternational: boolean): PaidOrigin {
  if (category === 'AUTHENTICATION') return authInternational ? 'authentication_international' : 'authentication';
  return category === 'MARKETING' ? 'marketing' : 'utility';
}

function attribute(regimeId: string, open: OpenConversation): PricingClassification {
  return {
    pricingModel: 'CBP', category: originToCategory(open.originType), billable: true, type: null, charged: false, billedAs: null,
    conversation: { originType: open.originType, opensNew: false, expiresAt: open.expiresAt }, regimeId,
  };
}

function openNew(regime: CbpRegime, origin: PaidOrigin, charged: boolean, at: Date): PricingClassification {
  const billedAs: RateCategory = origin;
  return {
    pricingModel: 'CBP', category: originToCategory(origin), billable: true, type: null, charged, billedAs: charged ? billedAs : null,
    conversation: { originType: origin, opensNew: true, expiresAt: addMs(at, regime.conversationHours * HOUR_MS) },
    regimeId: regime.id,
  };
}

/**
 * Conversation-based pricing [M2]: a template joins an open conversation of its category or opens
 * a new 24 h one; a free-form message joins any open conversation or opens a service one. Inside a
 * free entry point everything is free. `billable` stays true for free-tier conversations [C2].
 */
export function classifyCbp(regime: CbpRegime, facts: PricingFacts, at: Date): PricingClassification {
  if (facts.freeEntryPointWindowOpen) {
    return {
      pricingModel: 'CBP', category: 'referral_conversion', billable: false, type: null, charged: false, billedAs: null,
      conversation: { originType: 'referral_conversion', opensNew: false }, regimeId: regime.id,
    };
  }
  const open = (facts.openConversations ?? [])
    .filter((c) => c.expiresAt.getTime() > at.getTime())
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  if (facts.message.kind === 'template') {
    const origin = templateOrigin(facts.message.category, facts.authenticationInternational ?? false);
    const same = open.find((c) => c.originType === origin);
    return same ? attribute(regime.id, same) : openNew(regime, origin, true, at);
  }
  const any = open[0];
  if (any) return attribute(regime.id, any);
  return openNew(regime, 'service', (facts.serviceFreeTierUsed ?? 0) >= regime.serviceMonthlyFreeTier, at);
}
