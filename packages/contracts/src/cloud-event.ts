import { z } from 'zod';
import { EVENTS, eventKindOfType, type EventData, type EventKind } from './event-catalog';
import { isoDateTimeSchema } from './schemas/common.schema';
import { isTraceparent, traceparentSchema, tracestateSchema, type TraceContext } from './trace-context';
import { toValidationErrors, type ValidationError } from './validation';

export const CLOUD_EVENTS_CONTENT_TYPE = 'application/cloudevents+json';

/** CloudEvents 1.0 structured JSON envelope, with Recado's extension attributes. */
export const cloudEventEnvelopeSchema = z.looseObject({
  specversion: z.literal('1.0'),
  /** Unique per source; deterministic ids (from the source's own ids) make retries deduplicable. */
  id: z.string().min(1).max(256),
  source: z.string().min(1).max(512),
  type: z.string().min(1),
  time: isoDateTimeSchema,
  subject: z.string().min(1).optional(),
  datacontenttype: z.literal('application/json'),
  dataschema: z.string().optional(),
  data: z.unknown(),
  tenantid: z.string().min(1).optional(),
  partitionkey: z.string().min(1).optional(),
  traceparent: traceparentSchema.optional(),
  tracestate: tracestateSchema.optional(),
});

/** The envelope attributes (unknown extension attributes also pass through). */
export interface CloudEventAttributes {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly time: string;
  readonly subject?: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema?: string;
  readonly tenantid?: string;
  readonly partitionkey?: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
}

/** A validated event of one kind (or, without a parameter, of any kind, discriminated by `type`). */
export type CloudEvent<K extends EventKind = EventKind> = {
  [P in K]: CloudEventAttributes & { readonly type: (typeof EVENTS)[P]['type']; readonly data: EventData<P> };
}[K];

export type EventErrorCode = 'INVALID_ENVELOPE' | 'UNKNOWN_EVENT_TYPE' | 'INVALID_DATA';

export type EventParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: EventErrorCode; readonly errors: readonly ValidationError[] };

export interface BuildOptions extends TraceContext {
  /** The caller chooses the id, so it can be derived deterministically (see `deterministicEventId`). */
  readonly id: string;
  /** URI-reference of the producer, e.g. `/recado/webhook-ingest`. */
  readonly source: string;
  readonly time: Date;
  readonly tenantId?: string;
  /** Overrides the kind's default subject. */
  readonly subject?: string;
}

const failure = (code: EventErrorCode, errors: readonly ValidationError[]) => ({ ok: false, code, errors }) as const;

const validateData = <K extends EventKind>(kind: K, envelope: z.output<typeof cloudEventEnvelopeSchema>): EventParseResult<CloudEvent<K>> => {
  const spec = EVENTS[kind];
  const data = spec.schema.safeParse(envelope.data);
  if (!data.success) return failure('INVALID_DATA', toValidationErrors(data.error.issues, 'data'));
  return { ok: true, value: { ...envelope, data: data.data } as unknown as CloudEvent<K> };
};

// Attributes are added only when defined (never deleted afterwards), so that the object keeps
// V8's fast properties, which JSON.stringify serialises several times faster.
function envelopeFor<K extends EventKind>(kind: K, data: EventData<K>, options: BuildOptions): Record<string, unknown> {
  const spec = EVENTS[kind];
  const value = data as never;
  const envelope: Record<string, unknown> = { specversion: '1.0', id: options.id, source: options.source, type: spec.type, time: options.time.toISOString() };
  const subject = options.subject ?? spec.subject(value);
  if (subject !== undefined) envelope['subject'] = subject;
  envelope['datacontenttype'] = 'application/json';
  envelope['data'] = data;
  if (options.tenantId !== undefined) envelope['tenantid'] = options.tenantId;
  envelope['partitionkey'] = spec.key(value);
  if (options.traceparent !== undefined) envelope['traceparent'] = options.traceparent;
  if (options.tracestate !== undefined) envelope['tracestate'] = options.tracestate;
  return envelope;
}

/** Validates `data` against the kind's schema and wraps it; the key and subject follow from the data. */
export const buildCloudEvent = <K extends EventKind>(kind: K, data: EventData<K>, options: BuildOptions): EventParseResult<CloudEvent<K>> => {
  const parsed = EVENTS[kind].schema.safeParse(data);
  if (!parsed.success) return failure('INVALID_DATA', toValidationErrors(parsed.error.issues, 'data'));
  const envelope = cloudEventEnvelopeSchema.safeParse(envelopeFor(kind, parsed.data as EventData<K>, options));
  if (!envelope.success) return failure('INVALID_ENVELOPE', toValidationErrors(envelope.error.issues));
  return { ok: true, value: envelope.data as unknown as CloudEvent<K> };
};

/**
 * Like `buildCloudEvent` for data that is already the output of the kind's schema (a hot path
 * that validated it once): only the envelope attributes are checked, by hand.
 */
export const wrapValidatedData = <K extends EventKind>(kind: K, data: EventData<K>, options: BuildOptions): EventParseResult<CloudEvent<K>> => {
  const problems: ValidationError[] = [];
  if (options.id.length === 0 || options.id.length > 256) problems.push({ path: 'id', message: 'must be 1 to 256 characters' });
  if (options.source.length === 0 || options.source.length > 512) problems.push({ path: 'source', message: 'must be 1 to 512 characters' });
  if (Number.isNaN(options.time.getTime())) problems.push({ path: 'time', message: 'must be a valid date' });
  if (options.traceparent !== undefined && !isTraceparent(options.traceparent)) problems.push({ path: 'traceparent', message: 'must be a W3C traceparent' });
  if (options.tracestate !== undefined && options.tracestate.length > 512) problems.push({ path: 'tracestate', message: 'must be at most 512 characters' });
  if (problems.length > 0) return failure('INVALID_ENVELOPE', problems);
  return { ok: true, value: envelopeFor(kind, data, options) as unknown as CloudEvent<K> };
};

/** Validates an envelope and its data; unknown attributes and data fields pass through. */
export const parseCloudEvent = (value: unknown): EventParseResult<CloudEvent> => {
  const envelope = cloudEventEnvelopeSchema.safeParse(value);
  if (!envelope.success) return failure('INVALID_ENVELOPE', toValidationErrors(envelope.error.issues));
  const kind = eventKindOfType(envelope.data.type);
  if (kind === undefined) return failure('UNKNOWN_EVENT_TYPE', [{ path: 'type', message: `unknown event type "${envelope.data.type}"` }]);
  return validateData(kind, envelope.data);
};

/** Like `parseCloudEvent`, for a consumer that expects one kind only. */
export const parseCloudEventOf = <K extends EventKind>(kind: K, value: unknown): EventParseResult<CloudEvent<K>> => {
  const envelope = cloudEventEnvelopeSchema.safeParse(value);
  if (!envelope.success) return failure('INVALID_ENVELOPE', toValidationErrors(envelope.error.issues));
  if (envelope.data.type !== EVENTS[kind].type) {
    return failure('UNKNOWN_EVENT_TYPE', [{ path: 'type', message: `expected "${EVENTS[kind].type}", got "${envelope.data.type}"` }]);
  }
  return validateData(kind, envelope.data);
};
