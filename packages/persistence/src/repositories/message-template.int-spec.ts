import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { seedTenant, type SeededTenant } from '../test/seed';
import { getConversationState, listConversations, saveConversationState } from './conversation.repository';
import { findMessageByWamid, getMessage, insertMessage, reconcileMessagePrice, recordMessageStatus } from './message.repository';
import { markEventProcessed } from './processed-event.repository';
import { findTemplate, listTemplateHistory, saveTemplate } from './template.repository';
import { nth, present } from '../test/nth';

describe('messages, templates and conversation state', () => {
  let db: MigratedDatabase;
  let t: SeededTenant;

  beforeAll(async () => {
    db = await openMigratedPostgres();
    t = await seedTenant(db.dataSource);
  });

  afterAll(() => db.close());

  it('keeps a history of status, category and quality changes of a template', async () => {
    const m = db.dataSource.manager;
    const key = { wabaId: t.wabaId, name: 'order_update', language: 'pt_BR' };
    await saveTemplate(m, t.tenantId, { ...key, category: 'UTILITY', status: 'PENDING', components: [] }, { at: new Date('2026-03-01T00:00:00Z') });
    await saveTemplate(m, t.tenantId, { ...key, category: 'UTILITY', status: 'APPROVED', components: [] }, { at: new Date('2026-03-02T00:00:00Z') });
    await saveTemplate(m, t.tenantId, {
      ...key, category: 'MARKETING', status: 'APPROVED', qualityScore: 'YELLOW', components: [], correctCategory: null,
    }, { at: new Date('2026-03-03T00:00:00Z'), reason: 'template_category_update' });
    const template = await findTemplate(m, t.tenantId, key);
    const history = await listTemplateHistory(m, t.tenantId, present(template).id);
    expect(history.map((h) => [h.kind, h.previousValue, h.newValue])).toEqual([
      ['STATUS', null, 'PENDING'], ['CATEGORY', null, 'UTILITY'], ['QUALITY', null, 'UNKNOWN'],
      ['STATUS', 'PENDING', 'APPROVED'],
      ['CATEGORY', 'UTILITY', 'MARKETING'], ['QUALITY', 'UNKNOWN', 'YELLOW'],
    ]);
  });

  it('stores a pending re-categorisation with the date it takes effect', async () => {
    const m = db.dataSource.manager;
    const key = { wabaId: t.wabaId, name: 'promo', language: 'en_US' };
    const effective = new Date('2026-04-01T00:00:00Z');
    await saveTemplate(m, t.tenantId, {
      ...key, category: 'UTILITY', status: 'APPROVED', components: [], correctCategory: 'MARKETING', correctCategoryEffectiveAt: effective,
    }, { at: new Date() });
    expect(await findTemplate(m, t.tenantId, key)).toMatchObject({ category: 'UTILITY', correctCategory: 'MARKETING', correctCategoryEffectiveAt: effective });
  });

  it('records statuses with their first timestamp and reconciles the price once', async () => {
    const m = db.dataSource.manager;
    const message = await insertMessage(m, t.tenantId, {
      phoneNumberId: t.phoneNumberId, contactId: nth(t.contactIds, 0), direction: 'OUTBOUND', type: 'text', status: 'PENDING', commandId: 'cmd-status', costEstimate: '0.0625',
    });
    const delivered = new Date('2026-03-01T10:00:00Z');
    expect(await recordMessageStatus(m, t.tenantId, message.id, { status: 'SENT', at: new Date('2026-03-01T09:59:00Z'), wamid: 'wamid.status' })).toBe(true);
    expect(await recordMessageStatus(m, t.tenantId, message.id, { status: 'DELIVERED', at: delivered })).toBe(true);
    expect(await recordMessageStatus(m, t.tenantId, message.id, { status: 'DELIVERED', at: new Date('2026-03-01T11:00:00Z') })).toBe(true);
    expect(await getMessage(m, t.tenantId, message.id)).toMatchObject({ status: 'DELIVERED', deliveredAt: delivered, wamid: 'wamid.status', costEstimate: '0.062500' });

    const pricing = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' };
    expect(await reconcileMessagePrice(m, t.tenantId, 'wamid.status', pricing, delivered)).toBe(true);
    expect(await reconcileMessagePrice(m, t.tenantId, 'wamid.status', { ...pricing, type: 'other' }, delivered)).toBe(false);
    expect((await findMessageByWamid(m, t.tenantId, 'wamid.status'))?.reconciledPricing).toEqual(pricing);
  });

  it('refuses a second message with the same command id in a tenant', async () => {
    const input = { phoneNumberId: t.phoneNumberId, contactId: nth(t.contactIds, 0), direction: 'OUTBOUND' as const, type: 'text', status: 'PENDING' as const, commandId: 'cmd-dup' };
    await insertMessage(db.dataSource.manager, t.tenantId, input);
    await expect(insertMessage(db.dataSource.manager, t.tenantId, input)).rejects.toThrow(/uq_messages_tenant_command/);
  });

  it('upserts the window facts of a (number, contact) pair', async () => {
    const m = db.dataSource.manager;
    const base = { phoneNumberId: t.phoneNumberId, contactId: nth(t.contactIds, 1), closedByMetaAt: null, reEngagementSentAt: null, updatedAt: new Date() };
    await saveConversationState(m, t.tenantId, { ...base, lastInboundAt: new Date('2026-03-01T00:00:00Z'), entryPoint: null });
    const referralAt = '2026-03-02T00:00:00.000Z';
    await saveConversationState(m, t.tenantId, { ...base, lastInboundAt: new Date(referralAt), entryPoint: { referralAt, openedAt: null } });
    expect(await getConversationState(m, t.tenantId, t.phoneNumberId, nth(t.contactIds, 1))).toMatchObject({
      lastInboundAt: new Date(referralAt), entryPoint: { referralAt, openedAt: null },
    });
    expect(await listConversations(m, t.tenantId, nth(t.contactIds, 0))).toHaveLength(1);
  });

  it('marks an event processed once per consumer', async () => {
    expect(await markEventProcessed(db.dataSource.manager, 'projector', 'evt-1')).toBe(true);
    expect(await markEventProcessed(db.dataSource.manager, 'projector', 'evt-1')).toBe(false);
    expect(await markEventProcessed(db.dataSource.manager, 'other', 'evt-1')).toBe(true);
  });
});
