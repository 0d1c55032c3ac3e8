import { classifyMetaError, type ErrorClass } from '@recado/domain';
import { isGraphErrorBody } from './graph-error-body';
import { MetaCloudError } from './meta-cloud.error';
import { parseRetryAfter } from './retry-after';

export interface FailedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
}

function classOfStatus(status: number): ErrorClass {
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401 || status === 403) return 'AUTH';
  return status >= 500 ? 'RETRYABLE' : 'PERMANENT';
}

/** Maps a non-2xx answer into the domain's taxonomy by Meta's `code`, never by message text. */
export function toMetaCloudError(response: FailedResponse, now: Date): MetaCloudError {
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
  const { status, body } = response;
  if (!isGraphErrorBody(body)) {
    return new MetaCloudError({
      code: 'HTTP_ERROR',
      errorClass: classOfStatus(status),
      message: `Cloud API answered HTTP ${status} without an error body.`,
      httpStatus: status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  const { error } = body;
  const classification = classifyMetaError({ code: error.code, origin: 'SEND_RESPONSE', httpStatus: status });
  return new MetaCloudError({
    code: 'META_ERROR',
    errorClass: classification.errorClass,
    message: error.message,
    httpStatus: status,
    metaCode: error.code,
    classification,
    ...(error.error_subcode === undefined ? {} : { metaSubcode: error.error_subcode }),
    ...(error.type === undefined ? {} : { metaType: error.type }),
    ...(error.error_data?.details === undefined ? {} : { details: error.error_data.details }),
    ...(error.fbtrace_id === undefined ? {} : { fbtraceId: error.fbtrace_id }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** A connection failure or timeout: the request may or may not have reached Meta. */
export function transportError(cause: unknown, timedOut: boolean): MetaCloudError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new MetaCloudError({
    code: timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
    errorClass: 'RETRYABLE',
    message: timedOut ? `Cloud API did not answer in time: ${reason}` : `Cloud API unreachable: ${reason}`,
  });
}
