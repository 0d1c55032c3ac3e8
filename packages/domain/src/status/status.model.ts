/**
 * Outbound message statuses: ACCEPTED (send response 200) → SENT → DELIVERED → READ
 * (→ PLAYED for voice); FAILED is terminal and carries Meta's errors [M5] [M6].
 */
export type MessageStatus = 'ACCEPTED' | 'SENT' | 'DELIVERED' | 'READ' | 'PLAYED' | 'FAILED';

/** Statuses along the delivery path, in order; each implies the ones before it. */
export type ProgressStatus = Exclude<MessageStatus, 'FAILED'>;

export const PROGRESS_ORDER: readonly ProgressStatus[] = ['ACCEPTED', 'SENT', 'DELIVERED', 'READ', 'PLAYED'];

/** One entry of a status webhook's `errors[]` (or of a failed send response) [M5] [M27]. */
export interface MetaErrorDetail {
  readonly code: number;
  readonly title: string;
  readonly message?: string;
  readonly details?: string;
}

export interface StatusUpdate {
  readonly status: MessageStatus;
  readonly at: Date;
  /** Present on FAILED. */
  readonly errors?: readonly MetaErrorDetail[];
}

export interface StatusFailure {
  readonly at: Date;
  readonly errors: readonly MetaErrorDetail[];
}

/**
 * Everything observed about one message: the latest timestamp seen per progress status and
 * the failure, if any. States form a join-semilattice under `mergeStatusStates`.
 */
export interface MessageStatusState {
  readonly observed: Readonly<Partial<Record<ProgressStatus, Date>>>;
  readonly failure: StatusFailure | null;
}

export const EMPTY_STATUS_STATE: MessageStatusState = { observed: {}, failure: null };

/** FAILED reported after the message was already delivered: kept, logged, never shown. */
export type StatusAnomaly = 'FAILED_AFTER_DELIVERY';

export interface MessageStatusView {
  /** `null` until anything is known. */
  readonly status: MessageStatus | null;
  /** Per status: observed, or implied by a later one (read ⇒ delivered ⇒ sent ⇒ accepted). */
  readonly at: Readonly<Record<ProgressStatus, Date | null>>;
  readonly failedAt: Date | null;
  readonly errors: readonly MetaErrorDetail[];
  readonly anomaly: StatusAnomaly | null;
}
