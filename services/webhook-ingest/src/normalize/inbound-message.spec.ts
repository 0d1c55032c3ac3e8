import { deterministicEventId } from '@recado/contracts';
import { normaliseWebhook } from './normalise-webhook';
import { eventsOf, expectPublishable, onlyEvent } from './test/expectations';
import { contact, CONTEXT, fixtureData, messagesValue, RETRY, singleChange, textMessage, WA_ID } from './test/webhook-bodies';

const inboundBody = (messages: unknown[], contacts: unknown[] = [contact()]) =>
  singleChange('messages', messagesValue({ contacts, messages }));

describe('messages[] items become inboundMessage events shaped like the contract fixtures', () => {
  it('a text reply about a product (inbound-message.text)', () => {
    const item = textMessage('wamid.T1', {
      context: { from: '15550783881', id: 'wamid.C1', referred_product: { catalog_id: '194836987003835', product_retailer_id: 'di9ozbzfi4' } },
    });
    const result = normaliseWebhook(inboundBody([item]), CONTEXT);
    expect(onlyEvent(result, 'inboundMessage')).toEqual(fixtureData('inbound-message.text'));
    expectPublishable(result);
  });

  it('a user known only by BSUID and username (inbound-message.user-id-only)', () => {
    const item = { from: 'US.13491208655302741918', timestamp: '1775000000', id: 'wamid.BS1', type: 'text', text: { body: 'oi' } };
    const contacts = [{ profile: { name: 'Sheena Nelson', username: 'sheena' }, user_id: 'US.13491208655302741918' }];
    const data = onlyEvent(normaliseWebhook(inboundBody([item], contacts), CONTEXT), 'inboundMessage');
    // Our occurredAt follows the message's own timestamp (the fixture's is illustrative).
    expect(data).toEqual({ ...fixtureData('inbound-message.user-id-only'), occurredAt: '2026-03-31T23:33:20.000Z' });
  });
});

describe('contact identity', () => {
  it('takes both the phone number and the BSUID when Meta gives both (from_user_id)', () => {
    const item = textMessage('wamid.B', { from_user_id: 'US.13491208655302741918' });
    const contacts = [{ ...contact(), user_id: 'US.13491208655302741918' }];
    expect(onlyEvent(normaliseWebhook(inboundBody([item], contacts), CONTEXT), 'inboundMessage'))
      .toMatchObject({ waId: WA_ID, userId: 'US.13491208655302741918', profileName: 'Sheena Nelson' });
  });

  it('matches a BSUID-only sender among several contacts by user_id', () => {
    const bsuid = 'US.13491208655302741918';
    const body = inboundBody(
      [{ from: bsuid, id: 'wamid.BS2', timestamp: '1775000000', type: 'text', text: { body: 'oi' } }],
      [contact(), { profile: { name: 'Username user', username: 'uu' }, user_id: bsuid }],
    );
    expect(onlyEvent(normaliseWebhook(body, CONTEXT), 'inboundMessage')).toMatchObject({ userId: bsuid, profileName: 'Username user', username: 'uu' });
  });

  it('matches each message of a batch to its own contact', () => {
    const other = '5511987654321';
    const body = inboundBody(
      [textMessage('wamid.1'), textMessage('wamid.2', { from: other })],
      [contact(WA_ID, 'Sheena'), contact(other, 'Ana')],
    );
    const result = normaliseWebhook(body, CONTEXT);
    expect(eventsOf(result, 'inboundMessage').map((event) => [event.data.waId, event.data.profileName])).toEqual([[WA_ID, 'Sheena'], [other, 'Ana']]);
  });

  it('prefers the contact\'s wa_id (canonical) to the dialled form in "from"', () => {
    // Brazilian mobiles registered before the ninth digit (RULES.md §12).
    const body = inboundBody([textMessage('wamid.9', { from: '551187654321' })], [contact('5511987654321')]);
    expect(onlyEvent(normaliseWebhook(body, CONTEXT), 'inboundMessage').waId).toBe('5511987654321');
  });

  it('reads a system message, which has no contacts[], from "from"', () => {
    const item = {
      from: WA_ID, id: 'wamid.S', timestamp: '1750269342', type: 'system',
      system: { body: 'User Sheena Nelson changed from 16505551234 to 12195555358', wa_id: '12195555358', type: 'user_changed_number' },
    };
    const data = onlyEvent(normaliseWebhook(inboundBody([item], []), CONTEXT), 'inboundMessage');
    expect(data).toMatchObject({ waId: WA_ID, occurredAt: '2025-06-18T17:55:42.000Z' });
    expect(data.profileName).toBeUndefined();
  });

  it('accepts wa_id sent as a JSON number', () => {
    const body = inboundBody([textMessage('wamid.N')], [{ profile: { name: 'N' }, wa_id: 16505551234 }]);
    expect(onlyEvent(normaliseWebhook(body, CONTEXT), 'inboundMessage').waId).toBe(WA_ID);
  });
});

describe('what Meta sent stays as it was sent', () => {
  it('keeps unknown fields of the message, at every depth', () => {
    const item = textMessage('wamid.U', { identity: { acknowledged: true, hash: 'Sjvjlx8G6Z0=' }, text: { body: 'x', future: 1 } });
    expect(onlyEvent(normaliseWebhook(inboundBody([item]), CONTEXT), 'inboundMessage').message).toEqual(item);
  });

  it('keeps an unsupported message with its errors[]', () => {
    const item = {
      from: WA_ID, id: 'wamid.U2', timestamp: '1750090702', type: 'unsupported',
      errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }],
    };
    expect(onlyEvent(normaliseWebhook(inboundBody([item]), CONTEXT), 'inboundMessage').message).toEqual(item);
  });
});

describe('invalid messages', () => {
  it.each<[string, unknown, string]>([
    ['a Coexistence revoke (no such type in the contract)', { from: WA_ID, id: 'wamid.X', timestamp: '1750269342', type: 'revoke', revoke: { original_message_id: 'wamid.Y' } }, 'message.type'],
    ['a text without its text', { from: WA_ID, id: 'wamid.X', timestamp: '1750269342', type: 'text' }, 'message.text'],
    ['a number as timestamp', { ...textMessage('wamid.X'), timestamp: 1750269342 }, 'message.timestamp'],
    ['no sender at all (the contract requires "from")', { id: 'wamid.X', timestamp: '1750269342', type: 'text', text: { body: 'x' } }, 'message.from'],
    ['a string instead of an item', 'hello', 'message'],
    ['null', null, 'message'],
  ])('%s becomes INVALID_ITEM while its neighbours are kept', (_case, bad, path) => {
    const result = normaliseWebhook(inboundBody([textMessage('wamid.1'), bad, textMessage('wamid.2')], []), CONTEXT);
    expect(eventsOf(result, 'inboundMessage').map((event) => event.data.message.id)).toEqual(['wamid.1', 'wamid.2']);
    const [unclassified] = result.unclassified;
    expect(result.unclassified).toHaveLength(1);
    expect(unclassified?.data).toMatchObject({ reasonCode: 'INVALID_ITEM', field: 'messages', wabaId: '102290129340398', phoneNumberId: '106540352242922' });
    expect(unclassified?.data.payload).toBe(bad);
    expect(unclassified?.data.errors?.map((error) => error.path)).toContain(path);
    expectPublishable(result);
  });

  it('looks like the contract fixture unclassified-webhook.invalid-item', () => {
    const revoke = { from: WA_ID, id: 'wamid.X', timestamp: '1750269342', type: 'revoke', revoke: { original_message_id: 'wamid.Y' } };
    const { errors: _errors, ...fixture } = fixtureData('unclassified-webhook.invalid-item');
    const data = normaliseWebhook(inboundBody([revoke], []), { ...CONTEXT, requestId: 'req-7f3d' }).unclassified[0]?.data;
    expect(data).toMatchObject(fixture);
    expect(data?.errors).toEqual([{ path: 'message.type', message: expect.stringContaining('Invalid discriminator value') }]);
  });
});

describe('inbound event ids', () => {
  it("are ('inbound', wamid), the same when Meta retries", () => {
    const body = inboundBody([textMessage('wamid.R')]);
    const first = normaliseWebhook(body, CONTEXT).events[0]?.id;
    expect(first).toBe(deterministicEventId('inbound', 'wamid.R'));
    expect(normaliseWebhook(body, RETRY).events[0]?.id).toBe(first);
  });
});
