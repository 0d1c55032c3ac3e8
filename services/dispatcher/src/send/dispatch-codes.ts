/**
 * Reason codes the dispatcher adds to the rules engine's (`@recado/domain` REASON_CODES): what
 * happened to a command around the decision, not the decision itself.
 */
export const DISPATCH_CODES = {
  /** Another send to the same contact is held back; this one waits behind it, in order. */
  QUEUED_BEHIND_HELD: 'QUEUED_BEHIND_HELD',
  /** The business number is not one of the tenant's. */
  PHONE_NUMBER_UNKNOWN: 'PHONE_NUMBER_UNKNOWN',
  /** A recipient known only by a business-scoped user id that no inbound message introduced. */
  CONTACT_UNKNOWN: 'CONTACT_UNKNOWN',
  /** The template payload cannot be read as send values. */
  TEMPLATE_PAYLOAD_INVALID: 'TEMPLATE_PAYLOAD_INVALID',
  /** The Meta call's outcome is unknown (crash or lost answer): never sent again automatically. */
  SEND_IN_DOUBT: 'SEND_IN_DOUBT',
  /** Meta or the network failed in a retryable way; tried again later. */
  META_RETRY: 'META_RETRY',
  /** No access token for the number's WhatsApp account. */
  NO_ACCESS_TOKEN: 'NO_ACCESS_TOKEN',
  /**
   * Allowed, but the contact's phone number is unknown (only its business-scoped user id is):
   * the Cloud API version this client follows (v23.0) addresses messages by phone number only.
   */
  RECIPIENT_PHONE_NUMBER_UNKNOWN: 'RECIPIENT_PHONE_NUMBER_UNKNOWN',
  /** The Cloud API client refused the request before sending it (a bug or a bad configuration). */
  INVALID_REQUEST: 'INVALID_REQUEST',
  INVALID_CONFIG: 'INVALID_CONFIG',
} as const;

export type DispatchCode = (typeof DISPATCH_CODES)[keyof typeof DISPATCH_CODES];

/** A Meta error as a reason code: `META_131047`. */
export const metaReasonCode = (metaCode: number | undefined, fallback: string): string => (metaCode === undefined ? fallback : `META_${metaCode}`);
