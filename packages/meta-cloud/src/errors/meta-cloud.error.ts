import type { ErrorClass, MetaErrorClassification } from '@recado/domain';

/** Why a Cloud API call did not succeed. */
export type MetaCloudErrorCode =
  /** Meta answered with a Graph API error body. */
  | 'META_ERROR'
  /** Meta answered a status that is not a success, without a readable error body. */
  | 'HTTP_ERROR'
  /** The connection failed or was reset before an answer. */
  | 'NETWORK_ERROR'
  /** No answer within the configured timeout; the request may still have been processed. */
  | 'TIMEOUT'
  /** A success answer that does not have the documented shape. */
  | 'INVALID_RESPONSE'
  /** The request was refused by the client before sending. */
  | 'INVALID_REQUEST'
  | 'INVALID_CONFIG';

export interface MetaCloudErrorDetails {
  readonly code: MetaCloudErrorCode;
  readonly errorClass: ErrorClass;
  readonly message: string;
  readonly httpStatus?: number;
  /** Meta's `error.code`. */
  readonly metaCode?: number;
  readonly metaSubcode?: number;
  readonly metaType?: string;
  /** `error.error_data.details`. */
  readonly details?: string;
  readonly fbtraceId?: string;
  /** From the `Retry-After` header, in milliseconds. */
  readonly retryAfterMs?: number;
  /** The domain's reading of `metaCode`, when Meta gave one. */
  readonly classification?: MetaErrorClassification;
  readonly violations?: readonly string[];
}

/** The one error type of `@recado/meta-cloud`; returned as a value, never thrown by the client. */
export class MetaCloudError extends Error {
  readonly code: MetaCloudErrorCode;
  readonly errorClass: ErrorClass;
  readonly httpStatus: number | undefined;
  readonly metaCode: number | undefined;
  readonly metaSubcode: number | undefined;
  readonly metaType: string | undefined;
  readonly details: string | undefined;
  readonly fbtraceId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly classification: MetaErrorClassification | undefined;
  readonly violations: readonly string[];

  constructor(input: MetaCloudErrorDetails) {
    super(input.message);
    this.name = 'MetaCloudError';
    this.code = input.code;
    this.errorClass = input.errorClass;
    this.httpStatus = input.httpStatus;
    this.metaCode = input.metaCode;
    this.metaSubcode = input.metaSubcode;
    this.metaType = input.metaType;
    this.details = input.details;
    this.fbtraceId = input.fbtraceId;
    this.retryAfterMs = input.retryAfterMs;
    this.classification = input.classification;
    this.violations = input.violations ?? [];
  }

  /** Whether sending the same request again later may succeed. */
  get retryable(): boolean {
    return this.errorClass === 'RETRYABLE' || this.errorClass === 'RATE_LIMITED';
  }
}

export function invalidRequest(message: string, violations: readonly string[]): MetaCloudError {
  return new MetaCloudError({ code: 'INVALID_REQUEST', errorClass: 'PERMANENT', message, violations });
}
