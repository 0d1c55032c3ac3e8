import { deterministicEventId } from '@recado/contracts';
import { normaliseWebhook } from './normalise-webhook';
import { eventsOf, expectPublishable, onlyEvent } from './test/expectations';
import { CONTEXT, fixtureData, messagesValue, RETRY, singleChange, statusItem, WA_ID } from './test/webhook-bodies';

const statusBody = (...statuses: unknown[]) => singleChange('messages', messagesValue({ statuses }));

const CBP_CONVERSATION = { id: '0f007f9a9b0874573fb36e961ef0e8bc', expiration_timestamp: '1719907200', origin: { type: 'marketing' } };
const CAP_ERROR = {
  code: 131049,
  title: 'This message was not delivered to maintain healthy ecosystem engagement.',
  message: 'This message was not delivered to maintain healthy ecosystem engagement.',
  error_data: { details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.' },
  href: '/documentation/business-messaging/whatsapp/support/error-codes',
};

// Meta's status shapes from RULES.md §2.5, set to the contract fixtures' wamids and times.
describe('statuses[] items become messageStatus events shaped like the contract fixtures', () => {
  it.each<[string, Record<string, unknown>]>([
    ['message-status.sent-cbp', statusItem('wamid.HBgLNTUxMTk4NzY1NDMyMRUCABEYEjA=', 'sent', '1719820800', {
      conversation: CBP_CONVERSATION,
      pricing: { billable: true, pricing_model: 'CBP', category: 'marketing' },
    })],
    ['message-status.delivered-pmp', statusItem('wamid.D2', 'delivered', '1750030080', {
      biz_opaque_callback_data: 'cmd-template-1',
      pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
    })],
    ['message-status.read', statusItem('wamid.D2', 'read', '1750030140')],
    ['message-status.failed', statusItem('wamid.F1', 'failed', '1751142888', { errors: [CAP_ERROR] })],
  ])('%s', (fixture, item) => {
    const result = normaliseWebhook(statusBody(item), CONTEXT);
    expect(onlyEvent(result, 'messageStatus')).toEqual(fixtureData(fixture));
    expectPublishable(result);
  });
});

describe('status details', () => {
  it('keeps a FEP conversation and pricing as Meta sent them, unknown categories included', () => {
    const pricing = { billable: false, pricing_model: 'PMP', type: 'free_entry_point', category: 'referral_conversion', novelty: 1 };
    const conversation = { id: '72b14d6bd5407799e66f64d1b338e567', expiration_timestamp: '1750289273', origin: { type: 'referral_conversion' } };
    const data = onlyEvent(normaliseWebhook(statusBody(statusItem('wamid.E', 'sent', '1750030073', { pricing, conversation })), CONTEXT), 'messageStatus');
    expect(data).toMatchObject({ pricing, conversation, occurredAt: '2025-06-15T23:27:53.000Z' });
  });

  it('reads a group send: recipient_id is the group, so there is no waId', () => {
    const item = statusItem('wamid.G', 'delivered', '1750030080', {
      recipient_id: 'Y2FwaV9ncm91cDoxODA1NTU1MDE3MjoxMjAzNjMyMjI3NzE5NjMwNjcZD',
      recipient_type: 'group',
      recipient_participant_id: '16505551235',
    });
    const data = onlyEvent(normaliseWebhook(statusBody(item), CONTEXT), 'messageStatus');
    expect(data).toMatchObject({ recipientId: item.recipient_id, recipientType: 'group', recipientParticipantId: '16505551235' });
    expect(data.waId).toBeUndefined();
  });

  it('reads a BSUID-only recipient (2026): no recipient_id, a recipient_user_id', () => {
    const item = { id: 'wamid.BS', status: 'read', timestamp: '1775000000', recipient_user_id: 'US.13491208655302741918' };
    const data = onlyEvent(normaliseWebhook(statusBody(item), CONTEXT), 'messageStatus');
    expect(data).toMatchObject({ userId: 'US.13491208655302741918', wamid: 'wamid.BS' });
    expect(data.recipientId).toBeUndefined();
  });

  it('takes the BSUID from the matching contacts[] entry when the status has none', () => {
    const body = singleChange('messages', messagesValue({
      contacts: [{ wa_id: WA_ID, user_id: 'BR.1648738043044942' }],
      statuses: [statusItem('wamid.C', 'delivered', '1750030080')],
    }));
    expect(onlyEvent(normaliseWebhook(body, CONTEXT), 'messageStatus')).toMatchObject({ waId: WA_ID, userId: 'BR.1648738043044942' });
  });

  it("keeps fields Meta adds later under Meta's names", () => {
    const item = statusItem('wamid.K', 'delivered', '1750030080', { recipient_identity_key_hash: 'DF2lS5v2W6x=', username: 'sheena' });
    const data = onlyEvent(normaliseWebhook(statusBody(item), CONTEXT), 'messageStatus');
    expect(data).toMatchObject({ recipient_identity_key_hash: 'DF2lS5v2W6x=', username: 'sheena' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a legacy "deleted" status', statusItem('wamid.X', 'deleted', '1750030080'), 'status'],
    ['no wamid', { status: 'sent', timestamp: '1750030080', recipient_id: WA_ID }, 'wamid'],
    ['a timestamp that is not Unix seconds', statusItem('wamid.X', 'sent', 'yesterday'), 'occurredAt'],
    ['an error without a code', statusItem('wamid.X', 'failed', '1750030080', { errors: [{ title: 'x' }] }), 'errors.0.code'],
    ['a callback data over 512 characters', statusItem('wamid.X', 'sent', '1750030080', { biz_opaque_callback_data: 'x'.repeat(513) }), 'bizOpaqueCallbackData'],
    ['no recipient at all', { id: 'wamid.X', status: 'sent', timestamp: '1750030080' }, 'recipientId'],
  ])('turns %s into INVALID_ITEM, keeping the other statuses', (_case, bad, path) => {
    const good = statusItem('wamid.OK', 'sent', '1750030080');
    const result = normaliseWebhook(statusBody(good, bad), CONTEXT);
    expect(eventsOf(result, 'messageStatus').map((event) => event.data.wamid)).toEqual(['wamid.OK']);
    expect(result.unclassified).toHaveLength(1);
    expect(result.unclassified[0]?.data).toMatchObject({ reasonCode: 'INVALID_ITEM', field: 'messages', payload: bad });
    expect(result.unclassified[0]?.data.payload).toBe(bad);
    expect(result.unclassified[0]?.data.errors?.map((error) => error.path)).toContain(path);
    expectPublishable(result);
  });
});

describe('status event ids', () => {
  const idOf = (item: Record<string, unknown>, context = CONTEXT): string | undefined =>
    normaliseWebhook(statusBody(item), context).events[0]?.id;

  it("are ('status', wamid, status, timestamp), plus the error codes of a failure", () => {
    expect(idOf(statusItem('wamid.A', 'sent', '1750030080'))).toBe(deterministicEventId('status', 'wamid.A', 'sent', '1750030080'));
    expect(idOf(statusItem('wamid.A', 'failed', '1750030080', { errors: [CAP_ERROR] })))
      .toBe(deterministicEventId('status', 'wamid.A', 'failed', '1750030080', '131049'));
  });

  it('are the same when Meta retries, whatever the request', () => {
    const item = statusItem('wamid.A', 'delivered', '1750030080', { pricing: { type: 'regular' } });
    expect(idOf(item, RETRY)).toBe(idOf(item, CONTEXT));
  });

  it('differ between the statuses of one message, and between failures with other codes', () => {
    const ids = [
      statusItem('wamid.A', 'sent', '1750030080'),
      statusItem('wamid.A', 'delivered', '1750030080'),
      statusItem('wamid.A', 'read', '1750030090'),
      statusItem('wamid.A', 'failed', '1750030080', { errors: [CAP_ERROR] }),
      statusItem('wamid.A', 'failed', '1750030080', { errors: [{ ...CAP_ERROR, code: 131050 }] }),
    ].map((item) => idOf(item));
    expect(new Set(ids).size).toBe(5);
  });
});
