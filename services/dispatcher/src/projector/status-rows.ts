import {
  messageStatusOf,
  parseWebhookStatus,
  PROGRESS_ORDER,
  type MessageStatusState,
  type MetaErrorDetail,
  type ProgressStatus,
  type StatusFailure,
  type StatusUpdate,
} from '@recado/domain';
import type { MessageStatus as StatusEvent } from '@recado/contracts';
import type { MergedStatusColumns, Message } from '@recado/persistence';

// A message row's status columns read as the domain's status state, and the merged state written back.

type ProgressColumn = 'acceptedAt' | 'sentAt' | 'deliveredAt' | 'readAt' | 'playedAt';

const COLUMN_OF: Readonly<Record<ProgressStatus, ProgressColumn>> = {
  ACCEPTED: 'acceptedAt',
  SENT: 'sentAt',
  DELIVERED: 'deliveredAt',
  READ: 'readAt',
  PLAYED: 'playedAt',
};

/** A webhook's error object in the domain's shape. */
export function metaErrorDetail(error: { code: number; title?: string | undefined; message?: string | undefined; error_data?: { details?: string | undefined } | undefined }): MetaErrorDetail {
  const details = error.error_data?.details;
  return {
    code: error.code,
    title: error.title ?? error.message ?? '',
    ...(error.message === undefined ? {} : { message: error.message }),
    ...(details === undefined ? {} : { details }),
  };
}

/** The status event as the domain's update; null for a status the domain gives no meaning. */
export function statusUpdateOf(event: StatusEvent): StatusUpdate | null {
  const status = parseWebhookStatus(event.status);
  if (status === null) return null;
  const at = new Date(event.occurredAt);
  return status === 'FAILED' ? { status, at, errors: (event.errors ?? []).map(metaErrorDetail) } : { status, at };
}

/**
 * What the row says Meta reported. A failure without Meta's error (a send failed locally as in
 * doubt) is not Meta's word, so a later status may still settle the message.
 */
export function toStatusState(message: Message): MessageStatusState {
  const observed: Partial<Record<ProgressStatus, Date>> = {};
  for (const status of PROGRESS_ORDER) {
    const at = message[COLUMN_OF[status]];
    if (at !== null) observed[status] = at;
  }
  const failure = message.failedAt !== null && message.metaError !== null ? { at: message.failedAt, errors: storedErrors(message) } : null;
  return { observed, failure };
}

function storedErrors(message: Message): MetaErrorDetail[] {
  const stored = message.metaError ?? {};
  if (Array.isArray(stored['errors'])) return stored['errors'] as MetaErrorDetail[];
  // A synchronous failure recorded by the send path: one error, by its code.
  const code = message.metaErrorCode;
  return code === null ? [] : [{ code, title: typeof stored['message'] === 'string' ? stored['message'] : '' }];
}

/** The columns of the merged state; a failure the merge kept is left as the row has it. */
export function mergedStatusColumns(message: Message, wamid: string, before: MessageStatusState, merged: MessageStatusState): MergedStatusColumns {
  const view = messageStatusOf(merged);
  const failureChanged = merged.failure !== before.failure;
  return {
    status: view.status ?? message.status,
    wamid,
    acceptedAt: merged.observed.ACCEPTED ?? null,
    sentAt: merged.observed.SENT ?? null,
    deliveredAt: merged.observed.DELIVERED ?? null,
    readAt: merged.observed.READ ?? null,
    playedAt: merged.observed.PLAYED ?? null,
    failedAt: merged.failure?.at ?? null,
    metaError: failureChanged ? failureJson(merged.failure) : message.metaError,
    metaErrorCode: failureChanged ? (merged.failure?.errors[0]?.code ?? null) : message.metaErrorCode,
  };
}

const failureJson = (failure: StatusFailure | null): Record<string, unknown> | null =>
  failure === null ? null : { errors: failure.errors.map((error) => ({ ...error })) };
