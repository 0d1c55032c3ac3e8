import type { RejectionCause } from '../webhook-metrics';

/** What the service answers a call, and why, for the log line and the metrics. */
export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
  readonly cause?: RejectionCause;
  readonly log?: Readonly<Record<string, unknown>>;
}

export const reject = (status: number, cause: RejectionCause, message: string, log?: Record<string, unknown>): Answer => ({
  status,
  cause,
  body: JSON.stringify({ error: { code: cause.toUpperCase(), message } }),
  contentType: 'application/json',
  ...(log === undefined ? {} : { log }),
});
