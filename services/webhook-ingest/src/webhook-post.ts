import type { IncomingMessage } from 'node:http';
import type { Publish } from '@recado/bus';
import { reject, type Answer } from './http/answer';
import { BodyTooLargeError, readBody } from './http/read-body';
import { normaliseWebhook, type NormalisedWebhook } from './normalize';
import { checkSignature, type SignatureFailure } from './signature';
import { traceOf } from './trace';
import type { RejectionCause, WebhookMetrics } from './webhook-metrics';
import { toBusMessages, webhookEvents, type WebhookCall } from './webhook-messages';

export interface WebhookPostSettings {
  readonly appSecrets: readonly string[];
  readonly bodyLimitBytes: number;
  readonly publishTimeoutMs: number;
}

export interface WebhookPostDeps {
  readonly settings: WebhookPostSettings;
  readonly publish: Publish;
  readonly metrics: WebhookMetrics;
  readonly now: () => Date;
}

const SIGNATURE_CAUSES: Readonly<Record<SignatureFailure, RejectionCause>> = {
  MISSING_SIGNATURE: 'missing_signature',
  MALFORMED_SIGNATURE: 'malformed_signature',
  SIGNATURE_MISMATCH: 'signature_mismatch',
};

// Kept with the raw body: enough to re-verify and to trace the call, nothing secret.
const KEPT_HEADERS = ['content-type', 'content-length', 'user-agent', 'x-hub-signature-256', 'x-hub-signature', 'traceparent'];

const isJson = (contentType: string | undefined): boolean => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

function keptHeaders(request: IncomingMessage): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'not JSON' };
  }
}

async function publishWithin(deps: WebhookPostDeps, call: WebhookCall, normalised: NormalisedWebhook | undefined): Promise<{ ok: true; events: number } | { ok: false; message: string }> {
  const events = webhookEvents(call, normalised);
  const stopTimer = deps.metrics.publishSeconds.startTimer();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, rejectTimeout) => {
    timer = setTimeout(() => rejectTimeout(new Error(`Kafka did not acknowledge within ${deps.settings.publishTimeoutMs} ms`)), deps.settings.publishTimeoutMs);
  });
  try {
    await Promise.race([deps.publish(toBusMessages(events)), timeout]);
    stopTimer();
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
  for (const event of events) deps.metrics.events.inc({ type: event.type });
  for (const item of normalised?.unclassified ?? []) deps.metrics.unclassified.inc({ reason: item.data.reasonCode });
  return { ok: true, events: events.length };
}

/**
 * A webhook call: refused unless it is JSON, within the size limit and signed by one of our
 * apps; otherwise answered 200 only once Kafka holds the raw body and every event of it.
 */
export async function answerWebhookPost(request: IncomingMessage, requestId: string, deps: WebhookPostDeps): Promise<Answer> {
  if (!isJson(request.headers['content-type'])) {
    return reject(415, 'unsupported_media_type', 'the body must be application/json', { contentType: request.headers['content-type'] });
  }
  let rawBody: Buffer;
  try {
    rawBody = await readBody(request, deps.settings.bodyLimitBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return reject(413, 'body_too_large', error.message, { limitBytes: error.limitBytes });
    throw error;
  }
  const signatureFailure = checkSignature(rawBody, request.headers['x-hub-signature-256'] as string | undefined, deps.settings.appSecrets);
  // One generic answer: the caller learns nothing about which check failed; the log does.
  if (signatureFailure !== undefined) return reject(401, SIGNATURE_CAUSES[signatureFailure], 'invalid signature', { bytes: rawBody.length });

  const call: WebhookCall = { requestId, receivedAt: deps.now(), body: rawBody.toString('utf8'), headers: keptHeaders(request), ...traceOf(request.headers) };
  const json = parseJson(call.body);
  const normalised = json.ok ? normaliseWebhook(json.value, { requestId, receivedAt: call.receivedAt }) : undefined;
  // A signed body that is not JSON is still kept (raw topic) before it is refused.
  const published = await publishWithin(deps, call, normalised);
  if (!published.ok) return reject(503, 'publish_failed', 'the webhook could not be stored; retry later', { error: published.message });
  if (!json.ok) return reject(400, 'malformed_json', 'the body is not valid JSON', { error: json.message, bytes: rawBody.length });
  return { status: 200, body: 'EVENT_RECEIVED', contentType: 'text/plain', log: { events: published.events, unclassified: normalised?.unclassified.length ?? 0, traceparent: call.traceparent } };
}
