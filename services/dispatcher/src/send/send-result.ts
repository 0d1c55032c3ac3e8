import { classifyMetaError, retryDelayMs } from '@recado/domain';
import type { MetaCloudError, SendResult } from '@recado/meta-cloud';
import { DISPATCH_CODES, metaReasonCode } from './dispatch-codes';

/** What to do with one Meta answer. */
export type SendVerdict =
  | { readonly kind: 'sent'; readonly result: SendResult; readonly held: boolean }
  | { readonly kind: 'retry'; readonly reasonCode: string; readonly delayMs: number; readonly error: MetaCloudError }
  | { readonly kind: 'failed'; readonly reasonCode: string; readonly error: MetaCloudError }
  | { readonly kind: 'in-doubt'; readonly error: MetaCloudError };

// A connection that never opened carried nothing: safe to send again.
const NEVER_CONNECTED = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/;

/**
 * Reads a send's answer with the rules engine's error table. `attempt` counts from 1. A lost
 * answer (timeout, reset connection) is in doubt: Meta may have the message, so it is not retried.
 */
export function judgeSendResult(answer: { ok: true; value: SendResult } | { ok: false; error: MetaCloudError }, attempt: number, jitter: () => number): SendVerdict {
  if (answer.ok) return { kind: 'sent', result: answer.value, held: answer.value.messageStatus === 'held_for_quality_assessment' };
  const error = answer.error;
  if (error.code === 'TIMEOUT' || (error.code === 'NETWORK_ERROR' && !NEVER_CONNECTED.test(error.message))) return { kind: 'in-doubt', error };
  if (error.code === 'NETWORK_ERROR') return retryOrFail(error, DISPATCH_CODES.META_RETRY, backoff(attempt), jitter);
  // A 200 Meta answered unreadably most likely carried an accepted message.
  if (error.code === 'INVALID_RESPONSE') return { kind: 'in-doubt', error };
  if (error.code === 'INVALID_REQUEST') return { kind: 'failed', reasonCode: DISPATCH_CODES.INVALID_REQUEST, error };
  if (error.code === 'INVALID_CONFIG') return { kind: 'failed', reasonCode: DISPATCH_CODES.INVALID_CONFIG, error };
  if (error.metaCode === undefined) {
    // No Meta error body: only the HTTP status speaks. 5xx and 429 are worth another try.
    const status = error.httpStatus ?? 0;
    const delay = status >= 500 || status === 429 ? backoff(attempt) : null;
    return retryOrFail(error, `HTTP_${status}`, delay === null ? null : Math.max(delay, error.retryAfterMs ?? 0), jitter);
  }
  const rule = error.classification ?? classifyMetaError({ code: error.metaCode, origin: 'SEND_RESPONSE', ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }) });
  const reasonCode = metaReasonCode(error.metaCode, `HTTP_${error.httpStatus ?? 0}`);
  const delay = retryDelayMs(rule, attempt - 1);
  return retryOrFail(error, reasonCode, delay === null ? null : Math.max(delay, error.retryAfterMs ?? 0), jitter);
}

function retryOrFail(error: MetaCloudError, reasonCode: string, delayMs: number | null, jitter: () => number): SendVerdict {
  if (delayMs === null) return { kind: 'failed', reasonCode, error };
  // Up to +25 % so that many retries of one storm do not come back at the same instant.
  return { kind: 'retry', reasonCode, delayMs: Math.round(delayMs * (1 + 0.25 * jitter())), error };
}

const backoff = (attempt: number): number | null => (attempt > 5 ? null : 1_000 * 2 ** (attempt - 1));
