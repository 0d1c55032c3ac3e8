import { normaliseWebhook } from './normalise-webhook';
import { expectPublishable, idsOf, onlyUnclassified } from './test/expectations';
import {
  changeOf, contact, CONTEXT, entryOf, messagesValue, RETRY, singleChange, statusItem, textMessage, WABA_ID, webhookBody,
} from './test/webhook-bodies';

describe('the envelope', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'whatsapp_business_account'],
    ['an array', [{ object: 'whatsapp_business_account', entry: [] }]],
    ['an empty object', {}],
    ['another object type', { object: 'page', entry: [] }],
    ['no entry', { object: 'whatsapp_business_account' }],
    ['an entry that is not an array', { object: 'whatsapp_business_account', entry: { id: WABA_ID } }],
  ])('keeps %s as one UNEXPECTED_BODY', (_case, body) => {
    const result = normaliseWebhook(body, CONTEXT);
    const data = onlyUnclassified(result);
    expect(data).toMatchObject({ reasonCode: 'UNEXPECTED_BODY', requestId: CONTEXT.requestId, receivedAt: '2026-11-23T09:00:00.000Z' });
    expect(data.payload).toEqual(body === undefined ? null : body);
    expect(result.wabaIds).toEqual([]);
    expectPublishable(result);
  });

  it('gives nothing for an envelope without entries', () => {
    expect(normaliseWebhook(webhookBody(), CONTEXT)).toEqual({ events: [], unclassified: [], wabaIds: [] });
  });

  it.each<[string, unknown, string]>([
    ['an entry that is not an object', 'entry', 'entry.0.changes'],
    ['an entry without changes', { id: WABA_ID, time: 1 }, 'entry.0.changes'],
    ['a change that is not an object', entryOf([7]), 'entry.0.changes.0.field'],
    ['a change without field', entryOf([{ value: {} }]), 'entry.0.changes.0.field'],
    ['a known field with a value that is not an object', entryOf([changeOf('messages', [1])]), 'entry.0.changes.0.value'],
  ])('keeps %s as INVALID_ITEM, with where it was', (_case, entry, path) => {
    const data = onlyUnclassified(normaliseWebhook(webhookBody(entry), CONTEXT));
    expect(data).toMatchObject({ reasonCode: 'INVALID_ITEM', errors: [{ path }] });
  });
});

describe('fields Recado has no event for', () => {
  it.each([
    ['security', { event: 'PIN_CHANGED' }],
    ['history', { messaging_product: 'whatsapp', history: [{ threads: [] }] }],
    ['smb_message_echoes', { message_echoes: [{ id: 'wamid.E' }] }],
    ['smb_app_state_sync', { state_sync: [] }],
    ['account_alerts', { entity_type: 'WABA', alert_info: { alert_type: 'INCREASED_CAPABILITIES_ELIGIBILITY_DEFERRED' } }],
    ['message_template_components_update', { message_template_id: 1, message_template_title: 'x' }],
    ['account_review_update', { decision: 'APPROVED' }],
    ['phone_number_name_update', { decision: 'APPROVED', requested_verified_name: 'Recado' }],
    ['partner_solutions', { event: 'SOLUTION_CREATED' }],
    ['group_lifecycle_update', { groups: [] }],
    // Names that are also Object.prototype members must not reach a handler.
    ['constructor', {}],
    ['__proto__', {}],
    ['toString', null],
  ])('keeps %s as UNKNOWN_FIELD with the whole value', (field, value) => {
    const result = normaliseWebhook(singleChange(field, value), CONTEXT);
    expect(onlyUnclassified(result)).toEqual({
      requestId: CONTEXT.requestId, receivedAt: '2026-11-23T09:00:00.000Z', wabaId: WABA_ID, field, reasonCode: 'UNKNOWN_FIELD', payload: value,
    });
    expectPublishable(result);
  });

  it('looks like the contract fixture unclassified-webhook.security', () => {
    const result = normaliseWebhook(singleChange('security', { event: 'PIN_CHANGED' }), CONTEXT);
    expect(onlyUnclassified(result)).toEqual({
      requestId: 'req-7f3c', receivedAt: '2026-11-23T09:00:00.000Z', wabaId: WABA_ID, field: 'security', reasonCode: 'UNKNOWN_FIELD', payload: { event: 'PIN_CHANGED' },
    });
  });
});

describe('a batch: every entry, every change, every item', () => {
  const OTHER_WABA = '419561257915477';
  const messagesChange = (prefix: string) => changeOf('messages', messagesValue({
    contacts: [contact()],
    messages: [textMessage(`wamid.${prefix}.m1`), textMessage(`wamid.${prefix}.m2`), { ...textMessage(`wamid.${prefix}.bad`), type: 'revoke' }],
    statuses: [
      statusItem(`wamid.${prefix}.s`, 'sent', '1750030080'),
      statusItem(`wamid.${prefix}.s`, 'delivered', '1750030081'),
      statusItem(`wamid.${prefix}.s`, 'read', '1750030082'),
    ],
  }));
  const body = webhookBody(
    entryOf([messagesChange('a1'), messagesChange('a2'), changeOf('security', { event: 'PIN_CHANGED' })], { time: 1751247548 }),
    entryOf([
      messagesChange('b1'),
      changeOf('message_template_status_update', { event: 'APPROVED', message_template_id: 1, message_template_name: 'n', message_template_language: 'en', reason: 'NONE' }),
      changeOf('user_preferences', messagesValue({ user_preferences: [{ wa_id: '16505551234', category: 'marketing_messages', value: 'stop', timestamp: 1731705721 }] })),
    ], { id: Number(OTHER_WABA), time: 1751247549 }),
    entryOf([messagesChange('c1')], { time: 1751247550 }),
  );

  it('counts every event and every unclassified', () => {
    const result = normaliseWebhook(body, CONTEXT);
    const count = (kind: string) => result.events.filter((event) => event.kind === kind).length;
    // Four messages changes, each with 2 good messages, 1 bad one and 3 statuses.
    expect(count('inboundMessage')).toBe(8);
    expect(count('messageStatus')).toBe(12);
    expect(count('templateStatusUpdated')).toBe(1);
    expect(count('userPreferenceUpdated')).toBe(1);
    expect(result.events).toHaveLength(22);
    expect(result.unclassified.map((event) => event.data.reasonCode).sort()).toEqual(['INVALID_ITEM', 'INVALID_ITEM', 'INVALID_ITEM', 'INVALID_ITEM', 'UNKNOWN_FIELD']);
    expectPublishable(result);
  });

  it('lists each WABA once, in order, numbers turned into strings', () => {
    expect(normaliseWebhook(body, CONTEXT).wabaIds).toEqual([WABA_ID, OTHER_WABA]);
    expect(normaliseWebhook(webhookBody(entryOf([]), entryOf([]), { id: 'not-an-id', changes: [] }), CONTEXT).wabaIds).toEqual([WABA_ID]);
  });

  it('stamps every event with its own entry', () => {
    const result = normaliseWebhook(body, CONTEXT);
    const template = result.events.find((event) => event.kind === 'templateStatusUpdated');
    expect(template?.data).toMatchObject({ wabaId: OTHER_WABA, occurredAt: '2025-06-30T01:39:09.000Z' });
  });

  it('gives every fact its own id, and the same ids when Meta retries the body', () => {
    const first = idsOf(normaliseWebhook(body, CONTEXT));
    expect(new Set(first).size).toBe(first.length);
    expect(idsOf(normaliseWebhook(structuredClone(body), RETRY))).toEqual(first);
  });
});
