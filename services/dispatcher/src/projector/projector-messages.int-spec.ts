import { randomUUID } from 'node:crypto';
import { TOPICS } from '@recado/contracts';
import { customerServiceWindowAt, freeEntryPointAt } from '@recado/domain';
import * as persistence from '@recado/persistence';
import { toConversationState } from '../conversation/conversation-rows';
import { fixtureEvent, newWaId, sentMessage, startProjectorRig, type ProjectorRig } from './test/projector-rig';

const inboundText = (waId: string, body: string, occurredAt: string, wamid = `wamid.${randomUUID()}`) =>
  fixtureEvent('inbound-message.text', { waId, occurredAt, message: { from: waId, id: wamid, timestamp: String(Date.parse(occurredAt) / 1000), type: 'text', text: { body } } });

const status = (wamid: string, value: string, occurredAt: string, extra: Record<string, unknown> = {}) =>
  fixtureEvent('message-status.delivered-pmp', { wamid, status: value, occurredAt, bizOpaqueCallbackData: undefined, pricing: undefined, ...extra });

describe('projector: inbound messages, consent and statuses', () => {
  let rig: ProjectorRig;
  beforeAll(async () => (rig = await startProjectorRig()));
  afterAll(() => rig.stop());

  const contactOf = async (waId: string) => {
    const contact = await persistence.findContactByWaId(rig.db, rig.seeded.tenantId, waId);
    if (contact === null) throw new Error(`no contact ${waId}`);
    return contact;
  };
  const stateOf = async (contactId: string) => toConversationState(await persistence.getConversationState(rig.db, rig.seeded.tenantId, rig.seeded.phoneId, contactId));
  const consentOf = async (contactId: string) => Object.fromEntries((await persistence.getCurrentConsent(rig.db, rig.seeded.tenantId, contactId)).map((row) => [row.category, row.status]));

  it('stores an inbound message, its contact and profile name, and opens the window', async () => {
    const waId = newWaId();
    const event = inboundText(waId, 'Olá', '2026-04-01T09:00:00.000Z', 'wamid.in-hello');
    await rig.apply(event);
    const contact = await contactOf(waId);
    expect(contact.profileName).toBe('Sheena Nelson');
    expect(await persistence.findMessageByWamid(rig.db, rig.seeded.tenantId, 'wamid.in-hello')).toMatchObject({ direction: 'INBOUND', status: 'RECEIVED', type: 'text', contactId: contact.id, createdAt: new Date('2026-04-01T09:00:00Z') });
    const state = await stateOf(contact.id);
    expect(customerServiceWindowAt(state.window, new Date('2026-04-02T08:59:00Z'))).toMatchObject({ open: true, expiresAt: new Date('2026-04-02T09:00:00Z') });
  });

  it('starts a free entry point from a referral, and knows contacts by their business-scoped user id', async () => {
    const waId = newWaId();
    const referral = (fixtureEvent('inbound-message.referral').data as { message: object }).message;
    await rig.apply(fixtureEvent('inbound-message.referral', { waId, message: { ...referral, from: waId, id: `wamid.${randomUUID()}` } }));
    const state = await stateOf((await contactOf(waId)).id);
    expect(state.window.entryPoint).toEqual({ referralAt: new Date('2025-06-08T20:59:43Z'), openedAt: null });
    expect(freeEntryPointAt(state.window, new Date('2025-06-08T21:00:00Z')).reason).toBe('AWAITING_BUSINESS_REPLY');

    const userId = `BR.${randomUUID().slice(0, 12)}`;
    const bsuid = fixtureEvent('inbound-message.user-id-only', { userId, message: { from: userId, timestamp: '1775000000', id: `wamid.${randomUUID()}`, type: 'text', text: { body: 'oi' } } });
    await rig.apply(bsuid);
    expect(await rig.dataSource.query(`SELECT wa_id, profile_name FROM contacts WHERE business_scoped_user_id = $1`, [userId])).toEqual([{ wa_id: null, profile_name: 'Sheena Nelson' }]);
  });

  it('records a keyword opt-out, then a keyword opt-in, with the message as proof', async () => {
    const waId = newWaId();
    await rig.apply(inboundText(waId, 'Parar!', '2026-04-01T10:00:00.000Z', 'wamid.kw-stop'));
    const contactId = (await contactOf(waId)).id;
    expect(await consentOf(contactId)).toEqual({ AUTHENTICATION: 'OPTED_OUT', MARKETING: 'OPTED_OUT', UTILITY: 'OPTED_OUT' });
    await rig.apply(inboundText(waId, 'Quero receber', '2026-04-01T11:00:00.000Z', 'wamid.kw-start'), inboundText(waId, 'Parar de mandar promoções', '2026-04-01T12:00:00.000Z'));
    const ledger = await persistence.listConsentRecords(rig.db, rig.seeded.tenantId, contactId);
    expect(ledger.map((record) => [record.action, record.scope, record.source, record.actor, record.proof['text'], record.proof['wamid']])).toEqual([
      ['OPT_OUT', 'ALL', 'INBOUND_KEYWORD', 'contact', 'Parar!', 'wamid.kw-stop'],
      ['OPT_IN', 'ALL', 'INBOUND_KEYWORD', 'contact', 'Quero receber', 'wamid.kw-start'],
    ]);
    expect(await consentOf(contactId)).toEqual({ AUTHENTICATION: 'OPTED_IN', MARKETING: 'OPTED_IN', UTILITY: 'OPTED_IN' });
  });

  it('applies user_preferences stop and resume to marketing, scoped to the number, latest first', async () => {
    const waId = newWaId();
    await rig.apply(fixtureEvent('user-preference-updated.stop', { waId, occurredAt: '2026-04-01T10:00:00.000Z' }));
    const contactId = (await contactOf(waId)).id;
    expect(await consentOf(contactId)).toEqual({ MARKETING: 'OPTED_OUT' });
    // A resume Meta stamped before the stop arrives late: kept in the ledger, the stop stands.
    await rig.apply(fixtureEvent('user-preference-updated.resume', { waId, occurredAt: '2026-04-01T09:00:00.000Z' }));
    expect(await consentOf(contactId)).toEqual({ MARKETING: 'OPTED_OUT' });
    await rig.apply(fixtureEvent('user-preference-updated.resume', { waId, occurredAt: '2026-04-01T11:00:00.000Z' }));
    expect(await consentOf(contactId)).toEqual({ MARKETING: 'OPTED_IN' });
    const ledger = await persistence.listConsentRecords(rig.db, rig.seeded.tenantId, contactId);
    expect(ledger.map((record) => [record.action, record.scope, record.source, record.phoneNumberId])).toEqual([
      ['OPT_IN', 'MARKETING', 'META_USER_PREFERENCES', rig.seeded.phoneId],
      ['OPT_OUT', 'MARKETING', 'META_USER_PREFERENCES', rig.seeded.phoneId],
      ['OPT_IN', 'MARKETING', 'META_USER_PREFERENCES', rig.seeded.phoneId],
    ]);
  });

  it('merges out-of-order statuses through the status machine: read before delivered, sent last', async () => {
    const message = await sentMessage(rig, newWaId());
    const wamid = message.wamid as string;
    await rig.apply(status(wamid, 'read', '2026-04-01T10:00:03.000Z'));
    await rig.apply(status(wamid, 'delivered', '2026-04-01T10:00:02.000Z'));
    await rig.apply(status(wamid, 'sent', '2026-04-01T10:00:01.000Z'));
    expect(await persistence.getMessage(rig.db, rig.seeded.tenantId, message.id)).toMatchObject({
      status: 'READ', sentAt: new Date('2026-04-01T10:00:01Z'), deliveredAt: new Date('2026-04-01T10:00:02Z'), readAt: new Date('2026-04-01T10:00:03Z'),
    });
  });

  it('settles in-doubt sends by the command id in biz_opaque_callback_data', async () => {
    const pending = await sentMessage(rig, newWaId(), { status: 'PENDING', wamid: null, acceptedAt: null });
    const swept = await sentMessage(rig, newWaId(), { status: 'FAILED', wamid: null, acceptedAt: null, reasonCode: 'SEND_IN_DOUBT', failedAt: new Date('2026-04-01T10:10:00Z') });
    await rig.apply(
      status('wamid.settled-1', 'sent', '2026-04-01T10:00:01.000Z', { bizOpaqueCallbackData: pending.commandId }),
      status('wamid.settled-2', 'delivered', '2026-04-01T10:00:02.000Z', { bizOpaqueCallbackData: swept.commandId }),
    );
    await rig.apply(status('wamid.settled-1', 'delivered', '2026-04-01T10:00:02.000Z'));
    expect(await persistence.getMessage(rig.db, rig.seeded.tenantId, pending.id)).toMatchObject({ wamid: 'wamid.settled-1', status: 'DELIVERED', sentAt: new Date('2026-04-01T10:00:01Z') });
    expect(await persistence.getMessage(rig.db, rig.seeded.tenantId, swept.id)).toMatchObject({ wamid: 'wamid.settled-2', status: 'DELIVERED', failedAt: null });
  });

  it('applies the follow-ups the domain names for failed statuses', async () => {
    await persistence.saveTemplate(rig.db, rig.seeded.tenantId, { wabaId: rig.seeded.wabaId, name: 'promo', language: 'pt_BR', category: 'MARKETING', status: 'APPROVED', components: [] }, { at: new Date('2026-01-01T00:00:00Z') });
    const failure = (code: number) => ({ errors: [{ code, title: `error ${code}`, error_data: { details: `details ${code}` } }] });
    const optOut = await sentMessage(rig, newWaId(), { templateName: 'promo', pricingCategory: 'MARKETING' });
    const closed = await sentMessage(rig, newWaId(), { type: 'text', templateName: null, templateLanguage: null, acceptedAt: new Date('2026-04-01T10:00:00Z') });
    const undeliverable = await sentMessage(rig, newWaId());
    const paused = await sentMessage(rig, newWaId(), { templateName: 'promo', pricingCategory: 'MARKETING', status: 'HELD' });
    const capped = await sentMessage(rig, newWaId(), { templateName: 'promo', pricingCategory: 'MARKETING' });
    const at = '2026-04-01T10:00:05.000Z';
    await rig.apply(...[[optOut, 131050], [closed, 131047], [undeliverable, 131026], [paused, 132015], [capped, 131049]].map(([message, code]) =>
      status((message as persistence.Message).wamid as string, 'failed', at, failure(code as number))));

    const ledger = await persistence.listConsentRecords(rig.db, rig.seeded.tenantId, optOut.contactId);
    expect(ledger.map((record) => [record.action, record.scope, record.source, record.proof['text']])).toEqual([['OPT_OUT', 'MARKETING', 'META_DELIVERY_ERROR', '131050: details 131050']]);
    expect((await stateOf(closed.contactId)).window.closedByMetaAt).toEqual(new Date('2026-04-01T10:00:00Z'));
    expect((await persistence.getContact(rig.db, rig.seeded.tenantId, undeliverable.contactId))?.undeliverableSince).toEqual(new Date(at));
    expect((await persistence.getContact(rig.db, rig.seeded.tenantId, capped.contactId))?.marketingHeldUntil).toEqual(new Date('2026-04-02T10:00:05Z'));
    const template = await persistence.findTemplate(rig.db, rig.seeded.tenantId, { wabaId: rig.seeded.wabaId, name: 'promo', language: 'pt_BR' });
    expect(template?.status).toBe('PAUSED');
    expect(await persistence.getMessage(rig.db, rig.seeded.tenantId, paused.id)).toMatchObject({ status: 'FAILED', metaErrorCode: 132015, failedAt: new Date(at) });
  });

  it('keeps Meta pricing once per message and reconciles it with the domain prediction', async () => {
    const waId = newWaId();
    await rig.apply(inboundText(waId, 'Oi', '2026-04-01T08:00:00.000Z'));
    const inWindow = await sentMessage(rig, waId, { acceptedAt: new Date('2026-04-01T09:00:00Z') });
    const recategorised = await sentMessage(rig, newWaId(), { pricingCategory: 'UTILITY', acceptedAt: new Date('2026-04-01T09:00:00Z') });
    const free = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' };
    await rig.apply(status(inWindow.wamid as string, 'sent', '2026-04-01T09:00:01.000Z', { pricing: free }), status(recategorised.wamid as string, 'sent', '2026-04-01T09:00:01.000Z', { pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' } }));
    await rig.apply(status(inWindow.wamid as string, 'delivered', '2026-04-01T09:00:02.000Z', { pricing: { ...free, type: 'regular' } }));

    expect((await persistence.getMessage(rig.db, rig.seeded.tenantId, inWindow.id))?.reconciledPricing).toEqual(free);
    expect(await persistence.getPricingReconciliation(rig.db, rig.seeded.tenantId, inWindow.id)).toMatchObject({ matches: true, differences: [], actual: free, expected: { category: 'utility', type: 'free_customer_service' } });
    expect(await persistence.getPricingReconciliation(rig.db, rig.seeded.tenantId, recategorised.id)).toMatchObject({
      matches: false, differences: [{ field: 'category', expected: 'utility', actual: 'marketing' }],
    });
  });

  it('keeps events it cannot route, with the reason', async () => {
    const stranger = fixtureEvent('inbound-message.text', { phoneNumberId: '999000999', waId: newWaId() });
    const unknownMessage = status('wamid.never-sent', 'delivered', '2026-04-01T10:00:00.000Z');
    await rig.apply(stranger, unknownMessage);
    const unrouted = await persistence.listUnroutedEvents(rig.db, { tenantId: null });
    expect(unrouted.filter((event) => event.eventId === stranger.id)).toEqual([expect.objectContaining({ reasonCode: 'PHONE_NUMBER_UNKNOWN', metaPhoneNumberId: '999000999', event: JSON.parse(JSON.stringify(stranger)) })]);
    const ofTenant = await persistence.listUnroutedEvents(rig.db, { tenantId: rig.seeded.tenantId, reasonCode: 'MESSAGE_UNKNOWN' });
    expect(ofTenant.map((event) => event.eventId)).toContain(unknownMessage.id);
  });

  it('dead-letters what it cannot read, with the original bytes, and carries on', async () => {
    const after = inboundText(newWaId(), 'Depois', '2026-04-01T10:00:00.000Z');
    const command = fixtureEvent('send-command.text');
    const garbage = Buffer.from('{not json');
    await rig.publishRaw([
      { topic: TOPICS.inboundMessages, key: 'k-garbage', value: garbage, headers: {} },
      { topic: TOPICS.accountEvents, key: 'k-command', value: Buffer.from(JSON.stringify(command)), headers: {} },
    ]);
    await rig.apply(after);
    await rig.waitFor('two dead letters', () => rig.deadLetters.length >= 2);
    const byKey = Object.fromEntries(rig.deadLetters.map((event) => [(event.data as { sourceKey: string }).sourceKey, event.data as { reasonCode: string; originalValueBase64: string; consumerGroup: string }]));
    expect(byKey['k-garbage']).toMatchObject({ reasonCode: 'INVALID_JSON', originalValueBase64: garbage.toString('base64'), consumerGroup: 'recado-projector' });
    expect(byKey['k-command']).toMatchObject({ reasonCode: 'UNEXPECTED_EVENT_TYPE' });
  });

  it('dead-letters an event the database refuses every time, after a few attempts, and moves on', async () => {
    // The contract accepts 6-digit wa_ids; the contacts table does not (7 to 15 digits).
    const refused = inboundText('551199', 'Oi', '2026-04-01T10:00:00.000Z');
    const next = inboundText(newWaId(), 'Oi', '2026-04-01T10:00:01.000Z');
    await rig.publish([refused]);
    await rig.apply(next);
    await rig.waitFor('the refused event dead-lettered', () => rig.deadLetters.some((event) => (event.data as { reasonCode: string }).reasonCode === 'PROJECTION_FAILED'));
    const letter = rig.deadLetters.find((event) => (event.data as { reasonCode: string }).reasonCode === 'PROJECTION_FAILED');
    expect(JSON.parse(Buffer.from((letter?.data as { originalValueBase64: string }).originalValueBase64, 'base64').toString())).toMatchObject({ id: refused.id });
    expect(await persistence.findContactByWaId(rig.db, rig.seeded.tenantId, '551199')).toBeNull();
  });
});
