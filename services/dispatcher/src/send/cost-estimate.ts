import { classifyPricing, customerServiceWindowAt, estimateCost, freeEntryPointAt, type ConversationState, type TemplateCategory } from '@recado/domain';

export interface EstimatedCost {
  /** The message's category as caps count it: the template's, or SERVICE for free-form. */
  readonly pricingCategory: string;
  readonly amount: number | null;
  readonly currency: string | null;
}

/** The price Meta is expected to charge, from the rules engine's pricing regimes and rate cards. */
export function estimateSendCost(category: TemplateCategory | null, conversation: ConversationState, recipientWaId: string | null, at: Date): EstimatedCost {
  const message = category === null ? ({ kind: 'free_form' } as const) : ({ kind: 'template', category } as const);
  const pricing = classifyPricing({
    message,
    customerServiceWindowOpen: customerServiceWindowAt(conversation.window, at).open,
    freeEntryPointWindowOpen: freeEntryPointAt(conversation.window, at).open,
    recipientWaId: recipientWaId ?? '',
  }, at);
  const cost = recipientWaId === null ? null : estimateCost(pricing, recipientWaId, at);
  return {
    pricingCategory: category ?? 'SERVICE',
    amount: cost?.status === 'ESTIMATED' || cost?.status === 'FREE' ? cost.amount : null,
    currency: cost?.currency ?? null,
  };
}
