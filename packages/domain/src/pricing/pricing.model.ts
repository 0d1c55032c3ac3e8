import type { TemplateCategory } from '../templates/template.model';

/** `pricing.pricing_model` in status webhooks [M5]. */
export type PricingModel = 'CBP' | 'PMP';

/** `pricing.type` (PMP only; CBP webhooks carry none) [M5]. */
export type PricingType = 'regular' | 'free_customer_service' | 'free_entry_point';

/** `pricing.category` values Recado predicts; note the hyphen in `authentication-international` [M5]. */
export type PricingCategory =
  | 'marketing'
  | 'utility'
  | 'authentication'
  | 'authentication-international'
  | 'service'
  | 'referral_conversion'
  | 'general_purpose_ai';

/** `conversation.origin.type`; here `authentication_international` has an underscore [M5]. */
export type ConversationOriginType =
  | 'marketing'
  | 'utility'
  | 'authentication'
  | 'authentication_international'
  | 'service'
  | 'referral_conversion';

/** Rate-card columns; which one a charged message uses is decided by the regime. */
export type RateCategory = 'marketing' | 'utility' | 'authentication' | 'authentication_international' | 'service' | 'general_purpose_ai';

export type OutboundMessage = { readonly kind: 'template'; readonly category: TemplateCategory } | { readonly kind: 'free_form' };

/** A CBP conversation still open with the recipient (the caller keeps these from earlier classifications). */
export interface OpenConversation {
  readonly originType: ConversationOriginType;
  readonly expiresAt: Date;
}

/** What is known about one outbound message when it is sent. */
export interface PricingFacts {
  readonly message: OutboundMessage;
  readonly customerServiceWindowOpen: boolean;
  readonly freeEntryPointWindowOpen: boolean;
  /** Recipient digits as Meta keys them (wa_id), e.g. `5511987654321`. */
  readonly recipientWaId: string;
  /** Sender is eligible for authentication-international rates in the recipient's country [M3]. */
  readonly authenticationInternational?: boolean;
  /** Sender is a general-purpose AI assistant provider [M4]. */
  readonly generalPurposeAiProvider?: boolean;
  /**
   * Free-tier units already used this month, counted at the scope the regime uses: service
   * conversations per business under CBP ❓ [M2]; service messages per business phone number from 2026-10 [T4].
   */
  readonly serviceFreeTierUsed?: number;
  /** CBP only: conversations already open with this recipient. */
  readonly openConversations?: readonly OpenConversation[];
  /** Regimes switch at midnight in the WABA's time zone [M1]; default UTC. */
  readonly wabaUtcOffsetMinutes?: number;
}

/** CBP conversation the message belongs to (or, for PMP, the free-entry-point window). */
export interface ConversationAttribution {
  readonly originType: ConversationOriginType;
  /** True when this message opens (and, under CBP, pays for) a new conversation. */
  readonly opensNew: boolean;
  readonly expiresAt?: Date;
}

/** The prediction of Meta's `pricing` object, plus what Recado needs to bill it. */
export interface PricingClassification {
  readonly pricingModel: PricingModel;
  readonly category: PricingCategory;
  readonly billable: boolean;
  /** Null under CBP: its webhooks carry no `type`. */
  readonly type: PricingType | null;
  /** Whether this message adds a charge (CBP: only the message opening a paid conversation). */
  readonly charged: boolean;
  /** Rate-card column for the charge; null when not charged. */
  readonly billedAs: RateCategory | null;
  readonly conversation?: ConversationAttribution;
  readonly regimeId: string;
}
