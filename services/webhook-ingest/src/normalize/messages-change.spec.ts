import { normaliseWebhook } from './normalise-webhook';
import { expectPublishable, onlyUnclassified } from './test/expectations';
import { contact, CONTEXT, messagesValue, singleChange, statusItem, textMessage } from './test/webhook-bodies';

const normalise = (value: Record<string, unknown>) => normaliseWebhook(singleChange('messages', messagesValue(value)), CONTEXT);

describe('a messages value: its items, then what the value says by itself', () => {
  it('yields the messages, then the statuses, in order', () => {
    const result = normalise({
      contacts: [contact()],
      messages: [textMessage('wamid.M1'), textMessage('wamid.M2')],
      statuses: [statusItem('wamid.S1', 'sent', '1750030080'), statusItem('wamid.S1', 'delivered', '1750030081')],
    });
    expect(result.unclassified).toEqual([]);
    expect(result.events.map((event) => [event.kind, event.kind === 'messageStatus' ? event.data.status : 'in'])).toEqual([
      ['inboundMessage', 'in'], ['inboundMessage', 'in'], ['messageStatus', 'sent'], ['messageStatus', 'delivered'],
    ]);
    expectPublishable(result);
  });

  it('keeps value-level errors[] (no messages, no statuses) as WEBHOOK_ERRORS with the whole value', () => {
    const value = messagesValue({ errors: [{ code: 131000, title: 'Something went wrong', error_data: { details: 'Unknown error' } }] });
    const data = onlyUnclassified(normaliseWebhook(singleChange('messages', value), CONTEXT));
    expect(data).toMatchObject({ reasonCode: 'WEBHOOK_ERRORS', field: 'messages', phoneNumberId: '106540352242922', payload: value });
  });

  it('keeps value-level errors[] next to statuses: both survive', () => {
    const result = normalise({ statuses: [statusItem('wamid.S', 'sent', '1750030080')], errors: [{ code: 131000 }] });
    expect(result.events.map((event) => event.kind)).toEqual(['messageStatus']);
    expect(result.unclassified.map((event) => event.data.reasonCode)).toEqual(['WEBHOOK_ERRORS']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['messages is an object', { messages: { id: 'wamid.X' } }, 'messages'],
    ['statuses is a string', { statuses: 'sent' }, 'statuses'],
    ['contacts is null', { contacts: null, messages: [] }, 'contacts'],
  ])('reports a value whose %s as INVALID_ITEM', (_case, items, path) => {
    const value = messagesValue(items);
    const data = onlyUnclassified(normaliseWebhook(singleChange('messages', value), CONTEXT));
    expect(data).toMatchObject({ reasonCode: 'INVALID_ITEM', payload: value, errors: [{ path, message: 'Invalid input: expected array' }] });
  });

  it('still reads the good items of a value with a malformed neighbour array', () => {
    const result = normalise({ contacts: 'x', messages: [textMessage('wamid.M')] });
    expect(result.events.map((event) => event.kind)).toEqual(['inboundMessage']);
    expect(result.unclassified.map((event) => event.data.reasonCode)).toEqual(['INVALID_ITEM']);
  });

  it.each<[string, Record<string, unknown>]>([
    ['nothing but metadata', {}],
    ['an array Recado does not know (Coexistence echoes)', { message_echoes: [{ id: 'wamid.E' }] }],
  ])('keeps a value with %s as UNKNOWN_SHAPE', (_case, items) => {
    const value = messagesValue(items);
    expect(onlyUnclassified(normaliseWebhook(singleChange('messages', value), CONTEXT))).toMatchObject({ reasonCode: 'UNKNOWN_SHAPE', payload: value });
  });

  it('reads known items next to an unknown array, and keeps the value too', () => {
    const result = normalise({ messages: [textMessage('wamid.M')], groups: [{ group_id: 'g' }] });
    expect(result.events.map((event) => event.kind)).toEqual(['inboundMessage']);
    expect(result.unclassified.map((event) => event.data.reasonCode)).toEqual(['UNKNOWN_SHAPE']);
  });

  it('says nothing about empty arrays: there was nothing to lose', () => {
    expect(normalise({ contacts: [], messages: [], statuses: [] })).toEqual({ events: [], unclassified: [], wabaIds: ['102290129340398'] });
  });

  it('still classifies items when the metadata is missing, as INVALID_ITEM (phoneNumberId is required)', () => {
    const result = normaliseWebhook(singleChange('messages', { messages: [textMessage('wamid.M')] }), CONTEXT);
    expect(result.unclassified[0]?.data.errors?.map((error) => error.path)).toEqual(['phoneNumberId']);
  });
});
