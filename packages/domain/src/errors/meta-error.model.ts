/** What the sender does after a Meta error (RULES §6.2 "Retry" column). */
export type RetryClass =
  | 'RETRY_WITH_BACKOFF'
  | 'RETRY_LATER_FOR_RECIPIENT'
  | 'WAIT_24H'
  | 'NEVER'
  | 'HALT_AND_ALERT';

/** The coarse class the Cloud API client reports (DESIGN "Flow" step 3). */
export type ErrorClass = 'RETRYABLE' | 'RATE_LIMITED' | 'POLICY' | 'PERMANENT' | 'AUTH';

/** A state change the error implies beyond retrying. */
export type ErrorFollowUp =
  /** 131050: append a MARKETING opt-out (source META_DELIVERY_ERROR). */
  | 'RECORD_MARKETING_OPT_OUT'
  /** 131047: the customer service window is closed until the next inbound. */
  | 'MARK_WINDOW_CLOSED'
  /** 131049: no marketing to this recipient for 24 h. */
  | 'HOLD_RECIPIENT_MARKETING_24H'
  /** 132015: the template is PAUSED; stop its sends. */
  | 'MARK_TEMPLATE_PAUSED'
  /** 132016: the template is DISABLED; stop its sends for good. */
  | 'MARK_TEMPLATE_DISABLED'
  /** 131026: the contact is unreachable until it writes again. */
  | 'MARK_CONTACT_UNDELIVERABLE'
  /** 131056: back off this recipient only (4^X s). */
  | 'BACK_OFF_RECIPIENT'
  /** 130429 and friends: slow the number's token bucket. */
  | 'THROTTLE_SENDER'
  /** Stop every send from the business number until an operator resumes it. */
  | 'HALT_SENDER'
  | 'REFRESH_ACCESS_TOKEN'
  /** 132001: re-read the template catalogue from Meta. */
  | 'SYNC_TEMPLATES'
  /** 130497: stop sending to that country. */
  | 'BLOCK_COUNTRY'
  | 'ALERT_OPERATOR';

export interface MetaErrorRule {
  readonly code: number;
  /** Paraphrased meaning [M27] [C3]. */
  readonly title: string;
  readonly retry: RetryClass;
  readonly errorClass: ErrorClass;
  readonly followUps: readonly ErrorFollowUp[];
  /** Retries allowed for RETRY_WITH_BACKOFF (`undefined` = the default budget). */
  readonly maxRetries?: number;
  /** Shortest sensible wait before the first retry. */
  readonly minDelayMs?: number;
}

export interface MetaErrorClassification extends MetaErrorRule {
  /** `false` when the code is not in the table and a safe default was used. */
  readonly known: boolean;
}

/** Where the error was read; the mapping is the same for both [M27] §6.1. */
export type MetaErrorOrigin = 'SEND_RESPONSE' | 'STATUS_WEBHOOK';

export interface MetaErrorInput {
  readonly code: number;
  readonly origin: MetaErrorOrigin;
  /** HTTP status of a synchronous error; only used for codes missing from the table. */
  readonly httpStatus?: number;
}
