import {
  classifyPricing,
  customerServiceWindowAt,
  freeEntryPointAt,
  TEMPLATE_CATEGORIES,
  type ConversationState,
  type PricingClassification,
  type WebhookConversation,
  type WebhookPricing,
  type WindowState,
} from '@recado/domain';
import type { MessageStatus as StatusEvent } from '@recado/contracts';

export interface SentMessageFacts {
  /** The row's `type`: `template`, `text`… */
  readonly type: string;
  /** The category priced at send time (`MARKETING`… or `SERVICE`). */
  readonly pricingCategory: string | null;
  readonly sentAt: Date;
  readonly recipientWaId: string;
}

/**
 * The window as it stood when the message was sent: the last inbound before the send and a
 * free entry point started before it (the stored state may have moved on since).
 */
export function windowAtSend(stored: ConversationState, lastInboundBeforeSend: Date | null, sentAt: Date): WindowState {
  const entryPoint = stored.window.entryPoint;
  const startedBefore = entryPoint !== null && entryPoint.referralAt.getTime() <= sentAt.getTime();
  return { lastInboundAt: lastInboundBeforeSend, closedByMetaAt: null, entryPoint: startedBefore ? entryPoint : null };
}

/** The domain's pricing prediction for a sent message; null when it cannot be made. */
export function expectedPricing(message: SentMessageFacts, window: WindowState): PricingClassification | null {
  const category = TEMPLATE_CATEGORIES.find((candidate) => candidate === message.pricingCategory);
  if (message.type === 'template' && category === undefined) return null;
  const kind = category === undefined ? ({ kind: 'free_form' } as const) : ({ kind: 'template', category } as const);
  try {
    return classifyPricing({
      message: kind,
      customerServiceWindowOpen: customerServiceWindowAt(window, message.sentAt).open,
      freeEntryPointWindowOpen: freeEntryPointAt(window, message.sentAt).open,
      recipientWaId: message.recipientWaId,
    }, message.sentAt);
  } catch (error) {
    // No pricing regime covers the send date: nothing to predict.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** The webhook's `pricing`, if it carries what reconciliation compares. */
export function webhookPricingOf(pricing: StatusEvent['pricing']): WebhookPricing | null {
  if (pricing?.pricing_model === undefined || pricing.category === undefined) return null;
  return {
    pricing_model: pricing.pricing_model,
    category: pricing.category,
    ...(pricing.type === undefined ? {} : { type: pricing.type }),
    ...(pricing.billable === undefined ? {} : { billable: pricing.billable }),
  };
}

export function webhookConversationOf(conversation: StatusEvent['conversation']): WebhookConversation | undefined {
  if (conversation === undefined) return undefined;
  return {
    id: conversation.id,
    ...(conversation.expiration_timestamp === undefined ? {} : { expiration_timestamp: conversation.expiration_timestamp }),
    ...(conversation.origin === undefined ? {} : { origin: { type: conversation.origin.type } }),
  };
}
