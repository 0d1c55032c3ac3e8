import type { ConsentRecord } from './consent.model';

const META_ACTOR = 'meta';

/** Follow-up of error 131050: the contact stopped marketing messages in WhatsApp [M27] [M20]. */
export function marketingOptOutFromDeliveryError(at: Date, details: string): ConsentRecord {
  return {
    action: 'OPT_OUT',
    scope: 'MARKETING',
    source: 'META_DELIVERY_ERROR',
    proof: { text: `131050: ${details}` },
    actor: META_ACTOR,
    at,
  };
}

export type UserPreferenceValue = 'stop' | 'resume';

/**
 * A `user_preferences` webhook item [M25]. `resume` is the contact's own explicit act in
 * WhatsApp, so it restores marketing like any later opt-in.
 */
export function consentFromUserPreference(value: UserPreferenceValue, at: Date, detail: string): ConsentRecord {
  return {
    action: value === 'stop' ? 'OPT_OUT' : 'OPT_IN',
    scope: 'MARKETING',
    source: 'META_USER_PREFERENCES',
    proof: { text: `user_preferences ${value}: ${detail}` },
    actor: META_ACTOR,
    at,
  };
}
