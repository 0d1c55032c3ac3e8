import fc from 'fast-check';
import { buildCloudEvent, parseCloudEvent, type CloudEvent } from './cloud-event';
import { EVENT_KINDS, EVENTS, eventKindOfType, type EventKind } from './event-catalog';
import { decodeKafkaMessage, encodeKafkaMessage } from './kafka-codec';
import { contactKey, parseContactKey } from './partition-key';
import * as parsers from './parsers';
import { loadFixtures } from './testing/load-fixtures';
import { TOPICS } from './topics';

const seeds = loadFixtures().map((fixture) => {
  const event = fixture.json as { type: string; data: Record<string, unknown> };
  return { kind: eventKindOfType(event.type) as EventKind, data: event.data };
});

// JSON has no -0 and no undefined: normalise generated values to what JSON can carry.
const jsonSafe = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);
const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const traceparent = fc
  .tuple(hex(32), hex(16), hex(2))
  .filter(([trace, span]) => !/^0+$/.test(trace) && !/^0+$/.test(span))
  .map(([trace, span, flags]) => `00-${trace}-${span}-${flags}`);

/** Any valid event: a committed payload of any kind, plus unknown fields, with any envelope values. */
const validEvent = fc
  .record({
    seed: fc.constantFrom(...seeds),
    extra: fc.dictionary(fc.stringMatching(/^x_[a-z]{1,8}$/), jsonSafe, { maxKeys: 3 }),
    id: fc.string({ minLength: 1, maxLength: 256 }),
    source: fc.webUrl(),
    time: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
    tenantId: fc.option(fc.string({ minLength: 1, maxLength: 50 }), { nil: undefined }),
    traceparent: fc.option(traceparent, { nil: undefined }),
  })
  .map(({ seed, extra, ...options }): CloudEvent => {
    const built = buildCloudEvent(seed.kind, { ...seed.data, ...extra } as never, options);
    if (!built.ok) throw new Error(`generator produced an invalid event: ${JSON.stringify(built.errors)}`);
    return built.value;
  });

// Generous: a hundred runs each, on a machine shared with other test suites.
jest.setTimeout(60_000);

describe('properties', () => {
  it('encode → decode returns every valid event unchanged', () => {
    fc.assert(
      fc.property(validEvent, (event) => {
        const message = encodeKafkaMessage(event);
        expect(decodeKafkaMessage(message)).toEqual({ ok: true, value: event, key: message.key });
        expect(message.topic).toBe(TOPICS[EVENTS[eventKindOfType(event.type) as EventKind].topic]);
      }),
    );
  });

  it('every parser answers (never throws) on arbitrary values', () => {
    const parse = Object.values(parsers);
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const parser of parse) expect(typeof parser(value).ok).toBe('boolean');
        expect(typeof parseCloudEvent(value).ok).toBe('boolean');
      }),
    );
  });

  it('every parser answers on arbitrary JSON shaped like an event of any kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EVENT_KINDS), fc.dictionary(fc.string(), jsonSafe), (kind, data) => {
        expect(typeof parseCloudEvent({ specversion: '1.0', id: 'i', source: '/s', type: EVENTS[kind].type, time: '2026-01-01T00:00:00Z', datacontenttype: 'application/json', data }).ok).toBe('boolean');
      }),
    );
  });

  it('decode answers with a code (never throws) on arbitrary bytes and headers', () => {
    const header = fc.oneof(fc.string(), fc.uint8Array().map((bytes) => Buffer.from(bytes)));
    fc.assert(
      fc.property(
        fc.option(fc.oneof(fc.string(), fc.uint8Array().map((bytes) => Buffer.from(bytes))), { nil: null }),
        fc.dictionary(fc.constantFrom('content-type', 'traceparent', 'tracestate', 'other'), fc.oneof(header, fc.array(header))),
        (value, headers) => {
          const result = decodeKafkaMessage({ value, headers });
          expect(result.ok || typeof result.code === 'string').toBe(true);
        },
      ),
    );
  });

  it('contact keys round-trip', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,32}$/), fc.stringMatching(/^[^:\s]{1,256}$/), (phoneNumberId, contactId) => {
        expect(parseContactKey(contactKey(phoneNumberId, contactId))).toEqual({ ok: true, value: { phoneNumberId, contactId } });
      }),
    );
  });
});
