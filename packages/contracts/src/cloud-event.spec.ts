import { buildCloudEvent, parseCloudEvent, parseCloudEventOf, wrapValidatedData, type BuildOptions } from './cloud-event';
import { EVENTS, eventKindOfType, type EventKind } from './event-catalog';
import type { SendCommand } from './schemas/send-command.schema';
import { absent, fixtureData, loadFixtures, patched } from './testing/load-fixtures';

const command = fixtureData('send-command.text') as SendCommand;
const options: BuildOptions = {
  id: 'evt-1',
  source: '/acme/order-service',
  time: new Date('2026-11-23T09:00:00.000Z'),
  tenantId: 'acme',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};
const envelope = loadFixtures().find((fixture) => fixture.file === 'send-command.text.json')?.json;

describe('buildCloudEvent', () => {
  it('wraps valid data with the type, key, subject and extensions', () => {
    expect(buildCloudEvent('sendCommand', command, options)).toEqual({
      ok: true,
      value: {
        specversion: '1.0', id: 'evt-1', source: '/acme/order-service', type: 'com.recado.send-command.v1',
        time: '2026-11-23T09:00:00.000Z', subject: command.commandId, datacontenttype: 'application/json',
        data: command, tenantid: 'acme', partitionkey: '106540352242922:5511987654321', traceparent: options.traceparent,
      },
    });
  });

  it('uses the id the caller gives (deterministic ids)', () => {
    const first = buildCloudEvent('sendCommand', command, options);
    const second = buildCloudEvent('sendCommand', command, options);
    expect(first).toEqual(second);
  });

  it('leaves out attributes that were not given', () => {
    const result = buildCloudEvent('sendCommand', command, { id: 'e', source: '/s', time: options.time });
    expect(result.ok && Object.keys(result.value)).not.toContain('tracestate');
    expect(result.ok && Object.keys(result.value)).not.toContain('tenantid');
  });

  it('takes an explicit subject over the default', () => {
    expect(buildCloudEvent('sendCommand', command, { ...options, subject: 'custom' })).toMatchObject({ ok: true, value: { subject: 'custom' } });
  });

  it.each([
    ['invalid data', patched(command, 'content', absent), 'INVALID_DATA', 'data.content'],
    ['an empty id', command, 'INVALID_ENVELOPE', 'id'],
  ] as const)('rejects %s', (_description, data, code, path) => {
    const result = buildCloudEvent('sendCommand', data, { ...options, id: path === 'id' ? '' : 'e' });
    expect(result).toMatchObject({ ok: false, code, errors: [{ path }] });
  });

  it('rejects a malformed traceparent', () => {
    const result = buildCloudEvent('sendCommand', command, { ...options, traceparent: '00-xyz' });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_ENVELOPE', errors: [{ path: 'traceparent' }] });
  });
});

describe('wrapValidatedData', () => {
  const fixtures = loadFixtures().map((fixture) => {
    const json = fixture.json as { type: string; data: unknown; subject?: string };
    return [fixture.file, eventKindOfType(json.type) as EventKind, EVENTS[eventKindOfType(json.type) as EventKind].schema.parse(json.data)] as const;
  });

  it.each(fixtures)('wraps %s exactly as buildCloudEvent does', (_file, kind, data) => {
    expect(wrapValidatedData(kind, data as never, options)).toEqual(buildCloudEvent(kind, data as never, options));
  });

  it('leaves out the attributes it has no value for, rather than setting them to undefined', () => {
    const { tenantId: _tenant, traceparent: _trace, ...bare } = options;
    const wrapped = wrapValidatedData('sendCommand', command, bare);
    expect(wrapped.ok && Object.keys(wrapped.value)).toEqual(['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'data', 'partitionkey']);
  });

  it.each([
    ['an empty id', { id: '' }, 'id'],
    ['a long id', { id: 'x'.repeat(257) }, 'id'],
    ['an empty source', { source: '' }, 'source'],
    ['an invalid date', { time: new Date('nope') }, 'time'],
    ['a malformed traceparent', { traceparent: '00-xyz' }, 'traceparent'],
    ['a tracestate over 512 characters', { tracestate: `a=${'x'.repeat(511)}` }, 'tracestate'],
  ])('still checks the envelope: %s', (_case, override, path) => {
    expect(wrapValidatedData('sendCommand', command, { ...options, ...override })).toMatchObject({ ok: false, code: 'INVALID_ENVELOPE', errors: [{ path }] });
  });
});

describe('parseCloudEvent', () => {
  it.each([
    ['a committed fixture', envelope, undefined, undefined],
    ['an unknown extension attribute', patched(envelope, 'recadoregion', 'br'), undefined, undefined],
    ['a wrong specversion', patched(envelope, 'specversion', '0.3'), 'INVALID_ENVELOPE', 'specversion'],
    ['no id', patched(envelope, 'id', absent), 'INVALID_ENVELOPE', 'id'],
    ['no time', patched(envelope, 'time', absent), 'INVALID_ENVELOPE', 'time'],
    ['XML data', patched(envelope, 'datacontenttype', 'application/xml'), 'INVALID_ENVELOPE', 'datacontenttype'],
    ['an unknown type', patched(envelope, 'type', 'com.recado.fax.v1'), 'UNKNOWN_EVENT_TYPE', 'type'],
    ['invalid data', patched(envelope, 'data.recipient', {}), 'INVALID_DATA', 'data.recipient.waId'],
    ['not an object', 42, 'INVALID_ENVELOPE', ''],
  ])('%s', (_description, value, code, path) => {
    const result = parseCloudEvent(value);
    if (code === undefined) expect(result).toMatchObject({ ok: true });
    else expect(result).toMatchObject({ ok: false, code, errors: [{ path }] });
  });

  it('narrows data by type, so a consumer can switch on event.type', () => {
    const result = parseCloudEvent(envelope);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const event = result.value;
    expect(event.type === 'com.recado.send-command.v1' ? event.data.commandId : undefined).toBe(command.commandId);
  });

  it('keeps unknown attributes', () => {
    expect(parseCloudEvent(patched(envelope, 'recadoregion', 'br'))).toMatchObject({ ok: true, value: { recadoregion: 'br' } });
  });
});

describe('parseCloudEventOf', () => {
  it('accepts the expected kind', () => {
    expect(parseCloudEventOf('sendCommand', envelope)).toMatchObject({ ok: true, value: { data: { commandId: command.commandId } } });
  });

  it('refuses another kind', () => {
    expect(parseCloudEventOf('sendOutcome', envelope)).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT_TYPE', errors: [{ path: 'type' }] });
  });

  it('reports envelope and data errors', () => {
    expect(parseCloudEventOf('sendCommand', {})).toMatchObject({ ok: false, code: 'INVALID_ENVELOPE' });
    expect(parseCloudEventOf('sendCommand', patched(envelope, 'data.tenantId', 7))).toMatchObject({
      ok: false, code: 'INVALID_DATA', errors: [{ path: 'data.tenantId' }],
    });
  });
});
