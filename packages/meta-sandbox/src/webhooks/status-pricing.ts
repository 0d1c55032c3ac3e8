import type { ConversationOriginType, PricingCategory, PricingClassification } from '@recado/domain';

export interface WebhookPricingObjects {
  readonly pricing: Record<string, unknown>;
  readonly conversation: Record<string, unknown> | undefined;
}

const ORIGIN_OF: Readonly<Record<PricingCategory, ConversationOriginType>> = {
  marketing: 'marketing',
  utility: 'utility',
  authentication: 'authentication',
  'authentication-international': 'authentication_international',
  service: 'service',
  referral_conversion: 'referral_conversion',
  general_purpose_ai: 'service',
};

function majorVersion(graphApiVersion: string): number {
  return Number(/^v(\d+)/.exec(graphApiVersion)?.[1] ?? '0');
}

/**
 * The status webhook's `pricing` and `conversation` (RULES.md §2.4): CBP always carries the
 * conversation; PMP carries it up to v23 (id per message) and from v24 only inside a free entry point.
 */
export function pricingObjects(
  classification: PricingClassification,
  context: { readonly graphApiVersion: string; readonly conversationId: string; readonly withExpiration: boolean },
): WebhookPricingObjects {
  const { pricingModel, billable, category, type } = classification;
  const pricing = type === null ? { billable, pricing_model: pricingModel, category } : { billable, pricing_model: pricingModel, type, category };
  const inEntryPoint = type === 'free_entry_point';
  const carries = pricingModel === 'CBP' || inEntryPoint || majorVersion(context.graphApiVersion) <= 23;
  if (!carries) return { pricing, conversation: undefined };
  const origin = classification.conversation?.originType ?? ORIGIN_OF[category];
  const expiresAt = classification.conversation?.expiresAt;
  const expiration = context.withExpiration && expiresAt ? { expiration_timestamp: String(Math.floor(expiresAt.getTime() / 1000)) } : {};
  return { pricing, conversation: { id: context.conversationId, ...expiration, origin: { type: origin } } };
}
