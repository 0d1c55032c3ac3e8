import { parseCloudEvent, type CloudEvent } from './cloud-event';
import { decodeKafkaMessage, encodeKafkaMessage, kafkaRoutingOf } from './kafka-codec';
import { loadFixtures } from './testing/load-fixtures';

const eventOf = (file: string): CloudEvent => {
  const result = parseCloudEvent(loadFixtures().find((fixture) => fixture.file === file)?.json);
  if (!result.ok) throw new Error(`fixture ${file} is invalid`);
  return result.value;
};
const command = eventOf('send-command.text.json');
const raw = eventOf('raw-webhook.security.json');
const otherTrace = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('encodeKafkaMessage', () => {
  it('puts the event on its topic, keyed by its partition key, with CloudEvents and trace headers', () => {
    const message = encodeKafkaMessage(command);
    expect(message.topic).toBe('recado.send-commands.v1');
    expect(message.key).toBe('106540352242922:5511987654321');
    expect(message.headers).toEqual({ 'content-type': 'application/cloudevents+json', traceparent: command.traceparent });
    expect(JSON.parse(message.value.toString('utf8'))).toEqual(command);
  });

  it('sends no trace headers when the event has no trace context', () => {
    expect(encodeKafkaMessage(raw).headers).toEqual({ 'content-type': 'application/cloudevents+json' });
  });

  it('adds tracestate when there is one', () => {
    expect(encodeKafkaMessage({ ...command, tracestate: 'rojo=00f067aa0ba902b7' }).headers['tracestate']).toBe('rojo=00f067aa0ba902b7');
  });

  it('derives the key from the data when the event has no partitionkey', () => {
    const { partitionkey: _ignored, ...withoutKey } = command;
    expect(encodeKafkaMessage(withoutKey as CloudEvent).key).toBe('106540352242922:5511987654321');
  });

  it('refuses an event type it does not know', () => {
    expect(() => encodeKafkaMessage({ ...command, type: 'com.recado.fax.v1' } as unknown as CloudEvent)).toThrow(RangeError);
    expect(() => kafkaRoutingOf({ ...command, type: 'com.recado.fax.v1' } as unknown as CloudEvent)).toThrow(RangeError);
  });
});

describe('kafkaRoutingOf', () => {
  it.each([['a command with trace context', command], ['a raw webhook without', raw]])('is the encoded message without its value: %s', (_, event) => {
    const { value: _value, ...routing } = encodeKafkaMessage(event);
    expect(kafkaRoutingOf(event)).toEqual(routing);
  });
});

describe('decodeKafkaMessage', () => {
  const encoded = encodeKafkaMessage(command);

  it('round-trips an encoded message', () => {
    expect(decodeKafkaMessage(encoded)).toEqual({ ok: true, value: command, key: encoded.key });
  });

  it('accepts kafkajs shapes: Buffer key, Buffer and array headers', () => {
    const result = decodeKafkaMessage({
      key: Buffer.from(encoded.key),
      value: encoded.value,
      headers: { 'content-type': Buffer.from('application/cloudevents+json; charset=utf-8'), traceparent: [Buffer.from(otherTrace)] },
    });
    expect(result).toMatchObject({ ok: true, key: encoded.key, value: { traceparent: otherTrace } });
  });

  it('accepts a record without headers or key (a kcat producer that forgot them)', () => {
    expect(decodeKafkaMessage({ value: encoded.value.toString() })).toMatchObject({ ok: true, key: null });
  });

  it('prefers the trace context in the headers, and ignores a malformed one', () => {
    const continued = decodeKafkaMessage({ ...encoded, headers: { traceparent: otherTrace, tracestate: 'a=1' } });
    expect(continued).toMatchObject({ ok: true, value: { traceparent: otherTrace, tracestate: 'a=1' } });
    const malformed = decodeKafkaMessage({ ...encoded, headers: { traceparent: 'garbage' } });
    expect(malformed).toMatchObject({ ok: true, value: { traceparent: command.traceparent } });
  });

  it.each([
    ['a null value', { value: null }, 'EMPTY_VALUE', 'value'],
    ['an empty value', { value: Buffer.alloc(0) }, 'EMPTY_VALUE', 'value'],
    ['another content type', { value: encoded.value, headers: { 'content-type': 'application/avro' } }, 'UNSUPPORTED_CONTENT_TYPE', 'headers.content-type'],
    ['bytes that are not JSON', { value: Buffer.from('{"specversion":') }, 'INVALID_JSON', 'value'],
    ['JSON that is not an event', { value: '{"hello":"world"}' }, 'INVALID_ENVELOPE', 'specversion'],
    ['an unknown event type', { value: JSON.stringify({ ...command, type: 'x.y' }) }, 'UNKNOWN_EVENT_TYPE', 'type'],
    ['invalid data', { value: JSON.stringify({ ...command, data: { ...command.data, phoneNumberId: 'x' } }) }, 'INVALID_DATA', 'data.phoneNumberId'],
  ] as const)('reports %s with a code and a path', (_description, message, code, path) => {
    const result = decodeKafkaMessage(message);
    expect(result).toMatchObject({ ok: false, code, errors: expect.arrayContaining([expect.objectContaining({ path })]) });
  });
});
