/** Categories a contact can consent to, matching Meta's template categories [M7] [M26]. */
export type ConsentCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';

export const CONSENT_CATEGORIES: readonly ConsentCategory[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

export type ConsentScope = 'ALL' | ConsentCategory;

export type ConsentAction = 'OPT_IN' | 'OPT_OUT';

/** Where a consent record came from (seed 004 lists the opt-in channels; §5 the opt-out ones). */
export type ConsentSource =
  | 'WEBSITE_FORM'
  | 'CHECKOUT'
  | 'QR_CODE'
  | 'SMS_INVITATION'
  | 'EMAIL_INVITATION'
  | 'IN_STORE'
  | 'PHONE_CALL'
  | 'WHATSAPP_THREAD'
  | 'INBOUND_KEYWORD'
  | 'OPT_OUT_BUTTON'
  | 'META_USER_PREFERENCES'
  | 'META_DELIVERY_ERROR'
  | 'API'
  | 'IMPORT';

/** Evidence kept for the burden of proof (LGPD art. 8 §2) [T13] [M26]. */
export interface ConsentProof {
  /** The text shown to (or written by) the contact. */
  readonly text?: string;
  /** Where the evidence lives (form snapshot, recording, signed PDF…). */
  readonly url?: string;
  /** The business name the contact saw [M26]. */
  readonly businessNameShown?: string;
}

/** One immutable ledger entry; the ledger only ever grows. */
export interface ConsentRecord {
  readonly action: ConsentAction;
  readonly scope: ConsentScope;
  readonly source: ConsentSource;
  readonly proof: ConsentProof;
  /** Who recorded it: `contact`, `meta`, a user id or an API client id. */
  readonly actor: string;
  readonly at: Date;
}

export type ConsentLedger = readonly ConsentRecord[];

export type ConsentStatus = 'OPTED_IN' | 'OPTED_OUT' | 'UNKNOWN';

export interface CategoryConsent {
  readonly status: ConsentStatus;
  readonly since: Date | null;
  readonly source: ConsentSource | null;
}

export type CurrentConsent = Readonly<Record<ConsentCategory, CategoryConsent>>;

const UNKNOWN: CategoryConsent = { status: 'UNKNOWN', since: null, source: null };

export const NO_CONSENT: CurrentConsent = { MARKETING: UNKNOWN, UTILITY: UNKNOWN, AUTHENTICATION: UNKNOWN };

export type ConsentViolationCode =
  | 'ACTOR_MISSING'
  | 'INVALID_TIME'
  | 'PROOF_MISSING'
  | 'SOURCE_SCOPE_MISMATCH'
  | 'SOURCE_ACTION_MISMATCH';

export interface ConsentViolation {
  readonly code: ConsentViolationCode;
  readonly message: string;
}
