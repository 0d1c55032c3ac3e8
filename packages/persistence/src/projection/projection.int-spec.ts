import { inTransaction, type Db } from '../data-source/db';
import { getConversationState } from '../repositories/conversation.repository';
import { getContact } from '../repositories/contact.repository';
import { findPhoneNumber, listPortfolios } from '../repositories/account.repository';
import { getMessage } from '../repositories/message.repository';
import { openMigratedPglite, openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth } from '../test/nth';
import { seedTenant, type SeededTenant } from '../test/seed';
import * as projection from '.';

const at = (iso: string): Date => new Date(`2026-03-01T${iso}Z`);

describe.each([['postgres', openMigratedPostgres], ['pglite', openMigratedPglite]] as const)('projection data on %s', (_kind, open) => {
  let database: MigratedDatabase;
  let tenant: SeededTenant;
  let other: SeededTenant;
  const tx = <T>(work: (db: Db) => Promise<T>): Promise<T> => inTransaction(database.dataSource, work);

  beforeAll(async () => {
    database = await open();
    tenant = await seedTenant(database.dataSource, { contacts: 5 });
    other = await seedTenant(database.dataSource, { contacts: 3 });
  });

  afterAll(() => database.close());

  it('keeps an unrouted event once, with or without a tenant', async () => {
    const input = { eventId: 'ev-1', type: 't', reasonCode: 'PHONE_NUMBER_UNKNOWN', tenantId: null, metaWabaId: '1', metaPhoneNumberId: '2', event: { id: 'ev-1' }, receivedAt: at('10:00:00') };
    expect(await tx((db) => projection.keepUnroutedEvent(db, input))).toBe(true);
    expect(await tx((db) => projection.keepUnroutedEvent(db, { ...input, reasonCode: 'OTHER' }))).toBe(false);
    await tx((db) => projection.keepUnroutedEvent(db, { ...input, eventId: 'ev-2', tenantId: tenant.tenantId, reasonCode: 'TEMPLATE_UNKNOWN' }));
    const manager = database.dataSource.manager;
    expect(await projection.listUnroutedEvents(manager, { tenantId: null })).toEqual([input]);
    expect((await projection.listUnroutedEvents(manager, { tenantId: tenant.tenantId, reasonCode: 'TEMPLATE_UNKNOWN' })).map((e) => e.eventId)).toEqual(['ev-2']);
    expect(await projection.listUnroutedEvents(manager, { tenantId: other.tenantId })).toEqual([]);
  });

  it('finds or creates the contact an event names, by wa_id or business-scoped user id', async () => {
    const byWaId = await tx((db) => projection.upsertEventContact(db, tenant.tenantId, { waId: '5511900000001', profileName: 'Ana' }));
    expect(await tx((db) => projection.upsertEventContact(db, tenant.tenantId, { waId: '5511900000001', userId: 'BR.1', profileName: 'Ana B' }))).toBe(byWaId);
    expect(await getContact(database.dataSource.manager, tenant.tenantId, byWaId)).toMatchObject({ waId: '5511900000001', businessScopedUserId: 'BR.1', profileName: 'Ana B' });
    expect(await tx((db) => projection.upsertEventContact(db, tenant.tenantId, { userId: 'BR.1' }))).toBe(byWaId);
    const userOnly = await tx((db) => projection.upsertEventContact(db, tenant.tenantId, { userId: 'BR.2' }));
    expect(await tx((db) => projection.upsertEventContact(db, tenant.tenantId, { waId: '5511900000002', userId: 'BR.2' }))).toBe(userOnly);
    expect(await getContact(database.dataSource.manager, tenant.tenantId, userOnly)).toMatchObject({ waId: '5511900000002', businessScopedUserId: 'BR.2', profileName: null });
    // BR.2 is taken: the wa_id contact keeps no user id rather than stealing it.
    const third = await tx((db) => projection.upsertEventContact(db, tenant.tenantId, { waId: '5511900000003' }));
    await tx((db) => projection.upsertEventContact(db, tenant.tenantId, { waId: '5511900000003', userId: 'BR.2' }));
    expect((await getContact(database.dataSource.manager, tenant.tenantId, third))?.businessScopedUserId).toBeNull();
    expect(await tx((db) => projection.upsertEventContact(db, other.tenantId, { waId: '5511900000001' }))).not.toBe(byWaId);
  });

  it('stores an inbound message once per wamid, at the time the contact sent it', async () => {
    const pair = { phoneNumberId: tenant.phoneNumberId, contactId: nth(tenant.contactIds, 1) };
    const input = { ...pair, wamid: 'wamid.in-1', type: 'text', content: { text: { body: 'Oi' } }, occurredAt: at('09:00:00') };
    const id = await tx((db) => projection.insertInboundMessage(db, tenant.tenantId, input));
    expect(await tx((db) => projection.insertInboundMessage(db, tenant.tenantId, input))).toBeNull();
    expect(await getMessage(database.dataSource.manager, tenant.tenantId, id ?? '')).toMatchObject({ direction: 'INBOUND', status: 'RECEIVED', createdAt: at('09:00:00') });
    const manager = database.dataSource.manager;
    expect(await projection.lastInboundBefore(manager, tenant.tenantId, pair, at('09:30:00'))).toEqual(at('09:00:00'));
    expect(await projection.lastInboundBefore(manager, tenant.tenantId, pair, at('08:59:59'))).toBeNull();
    await expect(tx((db) => projection.insertInboundMessage(db, other.tenantId, { ...input, wamid: 'wamid.in-2' }))).rejects.toThrow('does not belong');
  });

  it('finds a status message by wamid, else by command id while it has no wamid, and only fills the wamid in', async () => {
    const [messageId, commandId, wamid] = [nth(tenant.messageIds, 0), nth(tenant.commandIds, 0), nth(tenant.wamids, 0)];
    expect((await tx((db) => projection.lockMessageForStatus(db, tenant.tenantId, { wamid })))?.id).toBe(messageId);
    expect(await tx((db) => projection.lockMessageForStatus(db, tenant.tenantId, { wamid: 'wamid.other', commandId }))).toBeNull();
    await database.dataSource.query(`UPDATE messages SET wamid = NULL WHERE id = $1`, [messageId]);
    expect((await tx((db) => projection.lockMessageForStatus(db, tenant.tenantId, { wamid: 'wamid.new', commandId })))?.id).toBe(messageId);
    expect(await tx((db) => projection.lockMessageForStatus(db, other.tenantId, { wamid: 'wamid.new', commandId }))).toBeNull();
    const columns = { status: 'DELIVERED', wamid: 'wamid.new', acceptedAt: null, sentAt: at('10:00:01'), deliveredAt: at('10:00:02'), readAt: null, playedAt: null, failedAt: null, metaError: null, metaErrorCode: null } as const;
    expect(await tx((db) => projection.writeMergedStatus(db, tenant.tenantId, messageId, columns))).toBe(true);
    await tx((db) => projection.writeMergedStatus(db, tenant.tenantId, messageId, { ...columns, wamid: 'wamid.newer' }));
    expect(await getMessage(database.dataSource.manager, tenant.tenantId, messageId)).toMatchObject({ status: 'DELIVERED', wamid: 'wamid.new', deliveredAt: at('10:00:02') });
    expect(await tx((db) => projection.writeMergedStatus(db, other.tenantId, messageId, columns))).toBe(false);
  });

  it('moves contact flags forward only', async () => {
    const contactId = nth(tenant.contactIds, 0);
    await tx((db) => projection.markContactUndeliverable(db, tenant.tenantId, contactId, at('10:00:00')));
    await tx((db) => projection.markContactUndeliverable(db, tenant.tenantId, contactId, at('09:00:00')));
    await tx((db) => projection.holdContactMarketing(db, tenant.tenantId, contactId, at('12:00:00')));
    await tx((db) => projection.holdContactMarketing(db, tenant.tenantId, contactId, at('11:00:00')));
    expect(await getContact(database.dataSource.manager, tenant.tenantId, contactId)).toMatchObject({ undeliverableSince: at('10:00:00'), marketingHeldUntil: at('12:00:00') });
    expect(await tx((db) => projection.markContactUndeliverable(db, other.tenantId, contactId, at('13:00:00')))).toBe(false);
  });

  it('locks a conversation state, creating an empty one first', async () => {
    const contactId = nth(tenant.contactIds, 1);
    const state = await tx((db) => projection.lockConversationState(db, tenant.tenantId, tenant.phoneNumberId, contactId));
    expect(state).toMatchObject({ lastInboundAt: null, entryPoint: null, closedByMetaAt: null });
    expect(await getConversationState(database.dataSource.manager, tenant.tenantId, tenant.phoneNumberId, contactId)).not.toBeNull();
    await expect(tx((db) => projection.lockConversationState(db, other.tenantId, tenant.phoneNumberId, contactId))).rejects.toThrow('does not belong');
  });

  it('locks several conversation states at once, creating the missing ones, one row per pair in (number, contact) order', async () => {
    const [first, second, third] = [nth(tenant.contactIds, 2), nth(tenant.contactIds, 3), nth(tenant.contactIds, 4)];
    const pair = (contactId: string) => ({ phoneNumberId: tenant.phoneNumberId, contactId });
    await tx((db) => projection.lockConversationState(db, tenant.tenantId, tenant.phoneNumberId, second));
    const states = await tx((db) => projection.lockConversationStates(db, tenant.tenantId, [pair(third), pair(first), pair(second), pair(third)]));
    expect(states.map((state) => state.contactId)).toEqual([first, second, third].sort());
    expect(states.every((state) => state.tenantId === tenant.tenantId && state.lastInboundAt === null)).toBe(true);
    expect(await tx((db) => projection.lockConversationStates(db, tenant.tenantId, []))).toEqual([]);
    const foreign = nth(other.contactIds, 2);
    await expect(tx((db) => projection.lockConversationStates(db, tenant.tenantId, [pair(first), pair(foreign)]))).rejects.toThrow('does not belong');
    expect(await getConversationState(database.dataSource.manager, other.tenantId, tenant.phoneNumberId, foreign)).toBeNull();
  });

  it('tells when a template last changed, by kind', async () => {
    const manager = database.dataSource.manager;
    expect(await projection.lastTemplateChangeAt(manager, tenant.tenantId, tenant.templateId, 'STATUS')).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(await projection.lastTemplateChangeAt(manager, other.tenantId, tenant.templateId, 'STATUS')).toBeNull();
  });

  it('sets messaging limits of a number, of a WABA numbers and of its portfolio', async () => {
    const manager = database.dataSource.manager;
    const phone = await findPhoneNumber(manager, tenant.tenantId, tenant.phoneNumberId);
    expect((await projection.findPhoneNumberByDisplay(manager, tenant.tenantId, tenant.wabaId, `+${phone?.displayPhoneNumber ?? ''}`))?.id).toBe(tenant.phoneNumberId);
    expect(await projection.findPhoneNumberByDisplay(manager, other.tenantId, tenant.wabaId, phone?.displayPhoneNumber ?? '')).toBeNull();
    expect(await tx((db) => projection.setPhoneNumberMessagingLimit(db, tenant.tenantId, tenant.phoneNumberId, 'TIER_10K'))).toBe(true);
    expect(await tx((db) => projection.setPhoneNumberThroughputLevel(db, tenant.tenantId, tenant.phoneNumberId, 'HIGH'))).toBe(true);
    expect(await tx((db) => projection.setPhoneNumberThroughputLevel(db, other.tenantId, tenant.phoneNumberId, 'STANDARD'))).toBe(false);
    expect((await findPhoneNumber(manager, tenant.tenantId, tenant.phoneNumberId))?.throughputLevel).toBe('HIGH');
    expect(await tx((db) => projection.setWabaPhoneNumbersMessagingLimit(db, tenant.tenantId, tenant.wabaId, 'TIER_100K'))).toBe(1);
    expect(await tx((db) => projection.setWabaPortfolioMessagingLimit(db, tenant.tenantId, tenant.wabaId, 'TIER_UNLIMITED'))).toBe(true);
    expect(await tx((db) => projection.setWabaPortfolioMessagingLimit(db, other.tenantId, tenant.wabaId, 'TIER_250'))).toBe(false);
    expect((await findPhoneNumber(manager, tenant.tenantId, tenant.phoneNumberId))?.messagingLimitTier).toBe('TIER_100K');
    expect((await listPortfolios(manager, tenant.tenantId))[0]?.messagingLimitTier).toBe('TIER_UNLIMITED');
  });

  it('records an account event once, for the tenant owning the WABA', async () => {
    const input = { eventId: 'acc-1', wabaId: tenant.wabaId, phoneNumberId: tenant.phoneNumberId, type: 'com.recado.account-updated.v1', event: 'ACCOUNT_VIOLATION', data: { a: 1 }, occurredAt: at('10:00:00') };
    expect(await tx((db) => projection.recordAccountEvent(db, tenant.tenantId, input))).toBe(true);
    expect(await tx((db) => projection.recordAccountEvent(db, tenant.tenantId, input))).toBe(false);
    expect(await tx((db) => projection.recordAccountEvent(db, other.tenantId, { ...input, eventId: 'acc-2', phoneNumberId: null }))).toBe(false);
    expect(await projection.listAccountEvents(database.dataSource.manager, tenant.tenantId, tenant.wabaId)).toEqual([expect.objectContaining({ ...input, tenantId: tenant.tenantId })]);
  });

  it('records one pricing reconciliation per message', async () => {
    const messageId = nth(tenant.messageIds, 1);
    const input = { messageId, wamid: 'w', expected: null, actual: { category: 'utility' }, conversation: null, matches: null, differences: [], reconciledAt: at('10:00:00') };
    expect(await tx((db) => projection.recordPricingReconciliation(db, tenant.tenantId, input))).toBe(true);
    expect(await tx((db) => projection.recordPricingReconciliation(db, tenant.tenantId, { ...input, matches: false }))).toBe(false);
    expect(await tx((db) => projection.recordPricingReconciliation(db, other.tenantId, { ...input, messageId: nth(tenant.messageIds, 0) }))).toBe(false);
    expect(await projection.getPricingReconciliation(database.dataSource.manager, tenant.tenantId, messageId)).toEqual({ ...input, tenantId: tenant.tenantId });
  });
});
