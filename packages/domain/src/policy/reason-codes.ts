/**
 * Stable reason codes of `decide()`. Never rename one: they are stored with every decision
 * and published on Kafka. docs/RULES.md explains each in plain words.
 */
export type ReasonCode =
  | 'SENDER_HALTED'
  | 'RECIPIENT_UNRESOLVED'
  | 'RECIPIENT_IS_SENDER'
  | 'CONTACT_UNDELIVERABLE'
  | 'CONSENT_OPTED_OUT'
  | 'MARKETING_STOPPED_IN_WHATSAPP'
  | 'CONSENT_MISSING'
  | 'WINDOW_CLOSED'
  | 'AWAITING_CONTACT_REPLY'
  | 'TEMPLATE_NOT_FOUND'
  | 'TEMPLATE_PENDING'
  | 'TEMPLATE_REJECTED'
  | 'TEMPLATE_PAUSED'
  | 'TEMPLATE_DISABLED'
  | 'TEMPLATE_IN_APPEAL'
  | 'TEMPLATE_PENDING_DELETION'
  | 'TEMPLATE_DELETED'
  | 'TEMPLATE_LIMIT_EXCEEDED'
  | 'TEMPLATE_ARCHIVED'
  | 'TEMPLATE_PARAMETERS_INVALID'
  | 'AUTHENTICATION_REQUIRES_PHONE_NUMBER'
  | 'US_MARKETING_PAUSED'
  | 'MARKETING_HELD_BY_META'
  | 'MARKETING_CAP_24H'
  | 'MARKETING_CAP_7D'
  | 'QUIET_HOURS'
  | 'MESSAGING_LIMIT_REACHED'
  | 'PAIR_RATE';

export interface ReasonCodeDoc {
  /** DEFER codes become REJECT when no end can be given (or the tenant asks for it). */
  readonly outcome: 'REJECT' | 'DEFER';
  readonly summary: string;
  /** RULES.md source ids. */
  readonly sources: readonly string[];
}

export const REASON_CODES: Readonly<Record<ReasonCode, ReasonCodeDoc>> = {
  SENDER_HALTED: { outcome: 'DEFER', summary: 'The business number is halted after an error that needs an operator.', sources: ['M27'] },
  RECIPIENT_UNRESOLVED: { outcome: 'REJECT', summary: 'The contact has no wa_id, phone number or business-scoped user id.', sources: ['M6', 'M36'] },
  RECIPIENT_IS_SENDER: { outcome: 'REJECT', summary: 'The recipient is the sending business number (131021).', sources: ['M27'] },
  CONTACT_UNDELIVERABLE: { outcome: 'REJECT', summary: 'Meta reported the contact undeliverable (131026) and it has not written since.', sources: ['M27', 'I18'] },
  CONSENT_OPTED_OUT: { outcome: 'REJECT', summary: "The contact opted out of the template's category.", sources: ['M26', 'T12', 'T13'] },
  MARKETING_STOPPED_IN_WHATSAPP: { outcome: 'REJECT', summary: 'The contact stopped marketing in WhatsApp (user_preferences or 131050); only they can resume.', sources: ['M20', 'M25', 'T9'] },
  CONSENT_MISSING: { outcome: 'REJECT', summary: "No opt-in recorded for the template's category.", sources: ['M26', 'T13'] },
  WINDOW_CLOSED: { outcome: 'REJECT', summary: 'Free-form outside the 24 h customer service window (131047); suggests templates that can re-open it.', sources: ['M6', 'M27'] },
  AWAITING_CONTACT_REPLY: { outcome: 'REJECT', summary: 'A re-engagement template was sent; free-form waits for the contact to answer.', sources: ['M6'] },
  TEMPLATE_NOT_FOUND: { outcome: 'REJECT', summary: 'No template with that exact name and language (132001).', sources: ['M27', 'M18'] },
  TEMPLATE_PENDING: { outcome: 'REJECT', summary: 'The template is still in review.', sources: ['M10', 'M22'] },
  TEMPLATE_REJECTED: { outcome: 'REJECT', summary: 'Meta rejected the template.', sources: ['M22'] },
  TEMPLATE_PAUSED: { outcome: 'REJECT', summary: 'The template is paused for low quality (132015).', sources: ['M12', 'M14'] },
  TEMPLATE_DISABLED: { outcome: 'REJECT', summary: 'The template is disabled for good (132016).', sources: ['M12'] },
  TEMPLATE_IN_APPEAL: { outcome: 'REJECT', summary: 'The template is under appeal.', sources: ['M22'] },
  TEMPLATE_PENDING_DELETION: { outcome: 'REJECT', summary: 'The template is being deleted.', sources: ['M22', 'M11'] },
  TEMPLATE_DELETED: { outcome: 'REJECT', summary: 'The template was deleted.', sources: ['M22'] },
  TEMPLATE_LIMIT_EXCEEDED: { outcome: 'REJECT', summary: 'The WABA is over its template-count limit.', sources: ['M22', 'M8'] },
  TEMPLATE_ARCHIVED: { outcome: 'REJECT', summary: 'The template is archived.', sources: ['M22'] },
  TEMPLATE_PARAMETERS_INVALID: { outcome: 'REJECT', summary: 'Send parameters do not match the approved template (132000/132005/132012/132018).', sources: ['M8', 'M19', 'M27'] },
  AUTHENTICATION_REQUIRES_PHONE_NUMBER: { outcome: 'REJECT', summary: 'Authentication templates cannot go to a business-scoped user id (131062).', sources: ['M36'] },
  US_MARKETING_PAUSED: { outcome: 'REJECT', summary: 'Marketing templates to US numbers are paused by Meta (configurable).', sources: ['M21', 'T10'] },
  MARKETING_HELD_BY_META: { outcome: 'DEFER', summary: "Meta capped this contact's marketing (131049): wait 24 h.", sources: ['M21', 'M27'] },
  MARKETING_CAP_24H: { outcome: 'DEFER', summary: "The tenant's marketing cap per contact per 24 h is reached.", sources: ['M21'] },
  MARKETING_CAP_7D: { outcome: 'DEFER', summary: "The tenant's marketing cap per contact per 7 days is reached.", sources: ['M21'] },
  QUIET_HOURS: { outcome: 'DEFER', summary: "Inside the tenant's quiet hours in the contact's time zone.", sources: ['T13'] },
  MESSAGING_LIMIT_REACHED: { outcome: 'DEFER', summary: 'The messaging-limit tier (unique users outside the window per moving 24 h) is used up.', sources: ['M29', 'M30'] },
  PAIR_RATE: { outcome: 'DEFER', summary: 'Too soon after the previous message to this contact (pair rate).', sources: ['M31', 'T6'] },
};

export const REASON_CODE_LIST: readonly ReasonCode[] = Object.keys(REASON_CODES) as ReasonCode[];
