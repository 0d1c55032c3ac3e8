import { normalizePhoneNumber } from './phone-number';

/** How Recado knows a contact; `wa_id` is canonical once Meta returned it [M6] [M36]. */
export interface ContactIdentity {
  /** Meta's `wa_id` (may differ from the dialled number, e.g. Brazil's ninth digit). */
  readonly waId: string | null;
  /** Business-scoped user id (`user_id`, webhooks from 2026-03-31) [M36]. */
  readonly businessScopedUserId: string | null;
  /** Last number we dialled (E.164 digits), until Meta tells us the `wa_id`. */
  readonly phoneNumber: string | null;
}

/** What a send response (`contacts[]`) or an inbound webhook says about the contact. */
export interface ContactObservation {
  readonly input?: string;
  readonly waId?: string;
  readonly userId?: string;
}

export const UNKNOWN_CONTACT: ContactIdentity = { waId: null, businessScopedUserId: null, phoneNumber: null };

/** Stable key: `wa:<wa_id>`, else `bsuid:<user_id>`, else the provisional `phone:<digits>`. */
export function contactKey(identity: ContactIdentity): string | null {
  if (identity.waId !== null) return `wa:${identity.waId}`;
  if (identity.businessScopedUserId !== null) return `bsuid:${identity.businessScopedUserId}`;
  if (identity.phoneNumber !== null) return `phone:${identity.phoneNumber}`;
  return null;
}

/** Folds in what Meta returned; Meta's values replace ours, absent ones keep ours. */
export function observeContact(identity: ContactIdentity, observation: ContactObservation): ContactIdentity {
  return {
    waId: observation.waId ?? identity.waId,
    businessScopedUserId: observation.userId ?? identity.businessScopedUserId,
    phoneNumber: identity.phoneNumber ?? dialled(observation.input),
  };
}

function dialled(input: string | undefined): string | null {
  if (input === undefined) return null;
  const normalised = normalizePhoneNumber(input);
  return normalised.ok ? normalised.digits : null;
}

/** The number to address: the `wa_id` when known, else the dialled number; `null` for BSUID-only contacts. */
export function recipientPhoneNumber(identity: ContactIdentity): string | null {
  return identity.waId ?? identity.phoneNumber;
}

/** Kafka key keeping one contact's messages in order: `phoneNumberId:waId` (DESIGN "Kafka"). */
export function conversationKey(phoneNumberId: string, identity: ContactIdentity): string | null {
  const key = identity.waId ?? identity.businessScopedUserId ?? identity.phoneNumber;
  return key === null ? null : `${phoneNumberId}:${key}`;
}
