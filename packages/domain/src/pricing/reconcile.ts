import type { PricingClassification } from './pricing.model';

/** Meta's status-webhook `pricing` object as received (unknown values pass through) [M5]. */
export interface WebhookPricing {
  readonly billable?: boolean;
  readonly pricing_model: string;
  readonly category: string;
  readonly type?: string;
}

/** Meta's status-webhook `conversation` object (omitted in v24+ except inside a free entry point). */
export interface WebhookConversation {
  readonly id: string;
  readonly expiration_timestamp?: string;
  readonly origin?: { readonly type: string };
}

export type ReconciledField = 'pricing_model' | 'category' | 'type' | 'billable' | 'conversation' | 'conversation.origin.type';

export interface PricingDifference {
  readonly field: ReconciledField;
  readonly expected: string | boolean | null;
  readonly actual: string | boolean | null;
}

export interface ReconciliationReport {
  readonly matches: boolean;
  readonly differences: readonly PricingDifference[];
}

/** Meta spells it with a hyphen in `pricing.category`, an underscore in `origin.type` [M5]. */
function sameCategory(a: string, b: string): boolean {
  return a.replace('authentication_international', 'authentication-international') === b.replace('authentication_international', 'authentication-international');
}

function conversationDiffs(expected: PricingClassification, actual: WebhookConversation | undefined): PricingDifference[] {
  const expectedOrigin = expected.conversation?.originType ?? null;
  if (!actual) {
    // v24+ omits `conversation` except in a free entry point, so only its absence there is news.
    return expectedOrigin === 'referral_conversion' || expected.pricingModel === 'CBP'
      ? [{ field: 'conversation', expected: 'present', actual: null }]
      : [];
  }
  // v23 and lower send one per message; its origin mirrors the category.
  const origin = expectedOrigin ?? expected.category.replace('-', '_');
  const actualOrigin = actual.origin?.type ?? null;
  return actualOrigin !== null && sameCategory(origin, actualOrigin)
    ? []
    : [{ field: 'conversation.origin.type', expected: origin, actual: actualOrigin }];
}

/** Compares a predicted classification with what Meta reported, field by field. */
export function reconcile(
  estimate: { readonly pricing: PricingClassification },
  webhookPricing: WebhookPricing,
  webhookConversation?: WebhookConversation,
): ReconciliationReport {
  const expected = estimate.pricing;
  const differences: PricingDifference[] = [];
  if (expected.pricingModel !== webhookPricing.pricing_model) {
    differences.push({ field: 'pricing_model', expected: expected.pricingModel, actual: webhookPricing.pricing_model });
  }
  if (!sameCategory(expected.category, webhookPricing.category)) {
    differences.push({ field: 'category', expected: expected.category, actual: webhookPricing.category });
  }
  if (expected.type !== (webhookPricing.type ?? null)) {
    differences.push({ field: 'type', expected: expected.type, actual: webhookPricing.type ?? null });
  }
  if (webhookPricing.billable !== undefined && webhookPricing.billable !== expected.billable) {
    differences.push({ field: 'billable', expected: expected.billable, actual: webhookPricing.billable });
  }
  differences.push(...conversationDiffs(expected, webhookConversation));
  return { matches: differences.length === 0, differences };
}
