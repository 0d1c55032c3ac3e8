import type { ConsentCategory, CurrentConsent } from '../consent';
import type { ConversationState } from '../conversation';
import type { ContactIdentity } from '../identity';
import type { MessagingLimitFacts, RecentSend } from '../limits';
import type { Template, TemplateSendParameters } from '../templates';
import type { ReasonCode } from './reason-codes';
import type { TenantPolicy } from './tenant-policy.model';

export type FreeFormMessageType =
  | 'text' | 'image' | 'audio' | 'video' | 'document' | 'sticker'
  | 'location' | 'contacts' | 'interactive' | 'reaction' | 'address';

export interface FreeFormCommand {
  readonly kind: 'FREE_FORM';
  readonly commandId: string;
  readonly messageType: FreeFormMessageType;
}

export interface TemplateCommand {
  readonly kind: 'TEMPLATE';
  readonly commandId: string;
  readonly templateName: string;
  /** Exact Meta code, e.g. `pt_BR` [M18]. */
  readonly language: string;
  readonly parameters: TemplateSendParameters;
}

export type SendCommand = FreeFormCommand | TemplateCommand;

export interface SenderFacts {
  /** Display number of the business phone number, E.164 digits. */
  readonly phoneNumberDigits: string;
  /** Set by a HALT_SENDER follow-up; sends wait until then. */
  readonly haltedUntil: Date | null;
}

export interface ContactFacts {
  readonly identity: ContactIdentity;
  /** IANA zone, e.g. `America/Sao_Paulo`. */
  readonly timeZone: string | null;
  /** Last 131026 for this contact. */
  readonly undeliverableSince: Date | null;
  /** From a 131049 follow-up. */
  readonly marketingHeldUntil: Date | null;
}

/** Everything `decide()` needs, loaded in bulk by the dispatcher. */
export interface DecisionFacts {
  readonly sender: SenderFacts;
  readonly contact: ContactFacts;
  readonly consent: CurrentConsent;
  readonly conversation: ConversationState;
  /** The template for the command's exact (name, language), if any. */
  readonly template: Template | null;
  /** Templates that could re-open a closed conversation (for suggestions). */
  readonly candidateTemplates: readonly Template[];
  readonly tenant: TenantPolicy;
  readonly messagingLimit: MessagingLimitFacts;
  /** Messages sent to this contact from this number recently (≥ 7 days for caps). */
  readonly recentSends: readonly RecentSend[];
}

export interface SuggestedTemplate {
  readonly name: string;
  readonly language: string;
  readonly category: ConsentCategory;
}

export interface TemplateSuggestion {
  readonly kind: 'SEND_TEMPLATE';
  readonly templates: readonly SuggestedTemplate[];
}

export type Decision =
  | { readonly outcome: 'ALLOW' }
  | { readonly outcome: 'DEFER'; readonly until: Date; readonly reason: ReasonCode; readonly message: string }
  | {
      readonly outcome: 'REJECT';
      readonly code: ReasonCode;
      readonly message: string;
      readonly suggestion?: TemplateSuggestion;
    };

export type DeferDecision = Extract<Decision, { outcome: 'DEFER' }>;
export type RejectDecision = Extract<Decision, { outcome: 'REJECT' }>;
