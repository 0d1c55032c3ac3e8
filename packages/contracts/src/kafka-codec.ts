import { CLOUD_EVENTS_CONTENT_TYPE, parseCloudEvent, type CloudEvent, type EventErrorCode } from './cloud-event';
import { EVENTS, eventKindOfType } from './event-catalog';
import { TOPICS, type TopicName } from './topics';
import { isTraceparent } from './trace-context';
import type { ValidationError } from './validation';

export type KafkaHeaderValue = Buffer | string | readonly (Buffer | string)[] | undefined;

/** What to hand to a Kafka producer (kafkajs: `{ topic, messages: [{ key, value, headers }] }`). */
export interface EncodedKafkaMessage {
  readonly topic: TopicName;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** A record as a Kafka consumer sees it (kafkajs' `KafkaMessage` fits). */
export interface IncomingKafkaMessage {
  readonly key?: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers?: Readonly<Record<string, KafkaHeaderValue>>;
}

export type DecodeErrorCode = EventErrorCode | 'EMPTY_VALUE' | 'UNSUPPORTED_CONTENT_TYPE' | 'INVALID_JSON';

export type DecodeResult =
  | { readonly ok: true; readonly value: CloudEvent; readonly key: string | null }
  | { readonly ok: false; readonly code: DecodeErrorCode; readonly errors: readonly ValidationError[] };

/** Where a CloudEvent goes on Kafka and with which headers: all of `encodeKafkaMessage` but the value. */
export const kafkaRoutingOf = (event: CloudEvent): Omit<EncodedKafkaMessage, 'value'> => {
  const kind = eventKindOfType(event.type);
  if (kind === undefined) throw new RangeError(`unknown event type "${event.type}"`);
  const spec = EVENTS[kind];
  const headers: Record<string, string> = { 'content-type': CLOUD_EVENTS_CONTENT_TYPE };
  if (event.traceparent !== undefined) headers['traceparent'] = event.traceparent;
  if (event.tracestate !== undefined) headers['tracestate'] = event.tracestate;
  return { topic: TOPICS[spec.topic], key: event.partitionkey ?? (spec.key as (data: unknown) => string)(event.data), headers };
};

/** Structured-mode CloudEvent on Kafka: JSON value, trace context duplicated into headers. */
export const encodeKafkaMessage = (event: CloudEvent): EncodedKafkaMessage => ({ ...kafkaRoutingOf(event), value: Buffer.from(JSON.stringify(event), 'utf8') });

const headerText = (value: KafkaHeaderValue): string | undefined => {
  const first = Array.isArray(value) ? (value as readonly (Buffer | string)[])[0] : (value as Buffer | string | undefined);
  return first === undefined ? undefined : first.toString();
};

const fail = (code: DecodeErrorCode, path: string, message: string): DecodeResult => ({ ok: false, code, errors: [{ path, message }] });

/** The inverse of `encodeKafkaMessage`; never throws. A missing content-type is accepted (kcat). */
export const decodeKafkaMessage = (message: IncomingKafkaMessage): DecodeResult => {
  const headers = message.headers ?? {};
  const contentType = headerText(headers['content-type'])?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== undefined && contentType !== CLOUD_EVENTS_CONTENT_TYPE && contentType !== 'application/json') {
    return fail('UNSUPPORTED_CONTENT_TYPE', 'headers.content-type', `expected ${CLOUD_EVENTS_CONTENT_TYPE}, got ${contentType}`);
  }
  if (message.value === null || message.value.length === 0) return fail('EMPTY_VALUE', 'value', 'the record has no value');
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString());
  } catch (error) {
    return fail('INVALID_JSON', 'value', error instanceof Error ? error.message : 'not JSON');
  }
  const parsed = parseCloudEvent(json);
  if (!parsed.ok) return parsed;
  const key = message.key === undefined || message.key === null ? null : message.key.toString();
  return { ok: true, value: withHeaderTrace(parsed.value, headers), key };
};

// A relay may have continued the trace in the headers; a malformed header is ignored, as W3C asks.
const withHeaderTrace = (event: CloudEvent, headers: Readonly<Record<string, KafkaHeaderValue>>): CloudEvent => {
  const traceparent = headerText(headers['traceparent']);
  if (traceparent === undefined || !isTraceparent(traceparent)) return event;
  const tracestate = headerText(headers['tracestate']);
  return { ...event, traceparent, ...(tracestate === undefined ? {} : { tracestate }) };
};
