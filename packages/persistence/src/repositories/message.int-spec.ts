import { randomUUID } from 'node:crypto';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth, present } from '../test/nth';
import { seedTenant, type SeededTenant } from '../test/seed';
import {
  findMessageByCommandId, findMessageByWamid, getMessage, insertMessage, reconcileMessagePrice, recordMessageStatus, type MessageInput,
} from './message.repository';

const mismatch = { code: 'TENANT_MISMATCH' };

describe('messages', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  let messageId: string;
  const m = () => db.dataSource.manager;

  const message = (input: Partial<MessageInput> = {}): MessageInput => ({
    phoneNumberId: a.phoneNumberId, contactId: nth(a.contactIds, 0), direction: 'OUTBOUND', type: 'template', status: 'PENDING', ...input,
  });

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource);
    b = await seedTenant(db.dataSource);
  });

  afterAll(() => db.close());

  it('inserts a message and reads it back by id, command id and wamid', async () => {
    const input = message({
      conversationId: a.conversationId, templateName: 'order_update', templateLanguage: 'pt_BR', templateParameters: { body: ['42'] },
      commandId: 'cmd-order-42', decision: 'ALLOW', reasonCode: 'WINDOW_OPEN', status: 'ACCEPTED', acceptedAt: new Date('2026-03-01T10:00:00Z'),
      wamid: 'wamid.order.42', pricingCategory: 'UTILITY', costEstimate: '0.008', costCurrency: 'USD',
    });
    messageId = (await insertMessage(m(), a.tenantId, input)).id;
    expect(await getMessage(m(), a.tenantId, messageId)).toMatchObject({ ...input, id: messageId, tenantId: a.tenantId, costEstimate: '0.008000', sentAt: null });
    expect((await findMessageByCommandId(m(), a.tenantId, 'cmd-order-42'))?.id).toBe(messageId);
    expect((await findMessageByWamid(m(), a.tenantId, 'wamid.order.42'))?.id).toBe(messageId);
    expect(await findMessageByCommandId(m(), a.tenantId, 'cmd-unknown')).toBeNull();
  });

  it("reads none of a tenant's messages through another tenant", async () => {
    expect(await getMessage(m(), b.tenantId, messageId)).toBeNull();
    expect(await findMessageByCommandId(m(), b.tenantId, 'cmd-order-42')).toBeNull();
    expect(await findMessageByWamid(m(), b.tenantId, 'wamid.order.42')).toBeNull();
  });

  it('lets two tenants use the same command id, each finding its own message', async () => {
    const other = await insertMessage(m(), b.tenantId, message({ phoneNumberId: b.phoneNumberId, contactId: nth(b.contactIds, 0), commandId: 'cmd-order-42' }));
    expect((await findMessageByCommandId(m(), b.tenantId, 'cmd-order-42'))?.id).toBe(other.id);
    expect((await findMessageByCommandId(m(), a.tenantId, 'cmd-order-42'))?.id).toBe(messageId);
  });

  it("refuses a message in another tenant's conversation, or on its number", async () => {
    await expect(insertMessage(m(), a.tenantId, message({ conversationId: b.conversationId, commandId: 'cmd-stray' }))).rejects.toMatchObject(mismatch);
    await expect(insertMessage(m(), a.tenantId, message({ phoneNumberId: b.phoneNumberId, commandId: 'cmd-stray' }))).rejects.toMatchObject(mismatch);
    expect(await findMessageByCommandId(m(), a.tenantId, 'cmd-stray')).toBeNull();
  });

  it("records a failure with Meta's error, and clears the error when told to", async () => {
    const failedAt = new Date('2026-03-01T10:05:00Z');
    const metaError = { code: 131049, title: 'healthy ecosystem' };
    expect(await recordMessageStatus(m(), a.tenantId, messageId, { status: 'FAILED', at: failedAt, metaError, metaErrorCode: 131049 })).toBe(true);
    expect(await getMessage(m(), a.tenantId, messageId)).toMatchObject({ status: 'FAILED', failedAt, metaError, metaErrorCode: 131049, acceptedAt: new Date('2026-03-01T10:00:00Z') });
    expect(await recordMessageStatus(m(), a.tenantId, messageId, { status: 'DEFERRED', at: new Date(), metaError: null })).toBe(true);
    expect(await getMessage(m(), a.tenantId, messageId)).toMatchObject({ status: 'DEFERRED', failedAt, metaError: null, metaErrorCode: null });
    expect(await recordMessageStatus(m(), a.tenantId, randomUUID(), { status: 'SENT', at: new Date() })).toBe(false);
  });

  it("neither moves nor prices another tenant's message", async () => {
    expect(await recordMessageStatus(m(), b.tenantId, messageId, { status: 'READ', at: new Date(), wamid: 'wamid.hijack' })).toBe(false);
    expect(await reconcileMessagePrice(m(), b.tenantId, 'wamid.order.42', { billable: false }, new Date())).toBe(false);
    const read = present(await getMessage(m(), a.tenantId, messageId));
    expect(read).toMatchObject({ status: 'DEFERRED', readAt: null, wamid: 'wamid.order.42', reconciledPricing: null, reconciledAt: null });
  });

  it('prices a message once, by its wamid', async () => {
    const at = new Date('2026-03-01T11:00:00Z');
    expect(await reconcileMessagePrice(m(), a.tenantId, 'wamid.order.42', { billable: true, category: 'utility' }, at)).toBe(true);
    expect(await reconcileMessagePrice(m(), a.tenantId, 'wamid.order.42', { billable: false }, new Date())).toBe(false);
    expect(await getMessage(m(), a.tenantId, messageId)).toMatchObject({ reconciledPricing: { billable: true, category: 'utility' }, reconciledAt: at });
    expect(await reconcileMessagePrice(m(), a.tenantId, 'wamid.unknown', { billable: true }, at)).toBe(false);
  });
});
