import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth } from '../test/nth';
import { seedTenant, type SeededTenant } from '../test/seed';
import { inTransaction } from '../data-source/db';
import { lockConversationStates, writeLockedConversationStates } from '../projection/conversation-lock';
import { getConversationState, listConversations, recordConversation, saveConversationState, saveConversationStates, type ConversationInput, type ConversationStateInput } from './conversation.repository';

const mismatch = { code: 'TENANT_MISMATCH' };

describe('conversations and window state', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  let contactId: string;
  const m = () => db.dataSource.manager;

  const conversation = (input: Partial<ConversationInput>): ConversationInput => ({
    phoneNumberId: a.phoneNumberId, contactId, metaConversationId: null, category: 'marketing', origin: 'marketing', pricingModel: 'PMP',
    openedAt: new Date('2026-03-01T00:00:00Z'), expiresAt: null, ...input,
  });

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource, { contacts: 8 });
    b = await seedTenant(db.dataSource);
    contactId = nth(a.contactIds, 1);
  });

  afterAll(() => db.close());

  it("records conversations and lists a contact's, oldest first", async () => {
    const later = await recordConversation(m(), a.tenantId, conversation({
      metaConversationId: 'conv-later', category: 'service', origin: 'service', openedAt: new Date('2026-03-05T00:00:00Z'), expiresAt: new Date('2026-03-06T00:00:00Z'),
    }));
    const earlier = await recordConversation(m(), a.tenantId, conversation({ metaConversationId: 'conv-earlier' }));
    const listed = await listConversations(m(), a.tenantId, contactId);
    expect(listed.map((c) => c.id)).toEqual([earlier.id, later.id]);
    expect(nth(listed, 1)).toMatchObject({
      tenantId: a.tenantId, phoneNumberId: a.phoneNumberId, contactId, metaConversationId: 'conv-later', category: 'service', origin: 'service',
      pricingModel: 'PMP', openedAt: new Date('2026-03-05T00:00:00Z'), expiresAt: new Date('2026-03-06T00:00:00Z'),
    });
  });

  it('refuses the same Meta conversation twice on a number', async () => {
    await expect(recordConversation(m(), a.tenantId, conversation({ metaConversationId: 'conv-later' }))).rejects.toThrow(/uq_conversations_meta_id/);
    expect(await listConversations(m(), a.tenantId, contactId)).toHaveLength(2);
  });

  it("lists none of a tenant's conversations and windows to another tenant", async () => {
    expect(await listConversations(m(), b.tenantId, contactId)).toEqual([]);
    expect(await listConversations(m(), b.tenantId, nth(a.contactIds, 0))).toEqual([]);
    expect(await getConversationState(m(), b.tenantId, a.phoneNumberId, nth(a.contactIds, 0))).toBeNull();
    expect(await getConversationState(m(), a.tenantId, a.phoneNumberId, nth(a.contactIds, 0))).not.toBeNull();
  });

  it("refuses a conversation or a window on another tenant's number or contact", async () => {
    await expect(recordConversation(m(), a.tenantId, conversation({ phoneNumberId: b.phoneNumberId }))).rejects.toMatchObject(mismatch);
    await expect(recordConversation(m(), a.tenantId, conversation({ contactId: nth(b.contactIds, 0) }))).rejects.toMatchObject(mismatch);
    const state = {
      phoneNumberId: b.phoneNumberId, contactId: nth(b.contactIds, 0), lastInboundAt: new Date('2030-01-01T00:00:00Z'),
      closedByMetaAt: null, entryPoint: null, reEngagementSentAt: null, updatedAt: new Date(),
    };
    await expect(saveConversationState(m(), a.tenantId, state)).rejects.toMatchObject(mismatch);
    expect(await getConversationState(m(), b.tenantId, b.phoneNumberId, nth(b.contactIds, 0))).toMatchObject({
      tenantId: b.tenantId, lastInboundAt: new Date('2026-01-02T00:00:00Z'),
    });
    expect(await listConversations(m(), b.tenantId, nth(b.contactIds, 0))).toHaveLength(1);
  });

  it('writes several windows in one call, and none when one belongs to another tenant', async () => {
    const window = (tenant: SeededTenant, index: number, lastInboundAt: Date): ConversationStateInput => ({
      phoneNumberId: tenant.phoneNumberId, contactId: nth(tenant.contactIds, index), lastInboundAt, closedByMetaAt: null,
      entryPoint: { referralAt: '2026-03-01T00:00:00.000Z', openedAt: null }, reEngagementSentAt: null, updatedAt: new Date('2026-03-02T00:00:00Z'),
    });
    const inbound = new Date('2026-03-02T00:00:00Z');
    await saveConversationStates(m(), a.tenantId, [window(a, 2, inbound), window(a, 3, inbound)]);
    expect(await getConversationState(m(), a.tenantId, a.phoneNumberId, nth(a.contactIds, 2))).toMatchObject({ lastInboundAt: inbound, entryPoint: { referralAt: '2026-03-01T00:00:00.000Z', openedAt: null } });
    expect(await getConversationState(m(), a.tenantId, a.phoneNumberId, nth(a.contactIds, 3))).toMatchObject({ lastInboundAt: inbound });
    const later = new Date('2026-03-03T00:00:00Z');
    const bBefore = await getConversationState(m(), b.tenantId, b.phoneNumberId, nth(b.contactIds, 1));
    await expect(saveConversationStates(m(), a.tenantId, [window(a, 2, later), window(b, 1, later)])).rejects.toMatchObject(mismatch);
    expect(await getConversationState(m(), a.tenantId, a.phoneNumberId, nth(a.contactIds, 2))).toMatchObject({ lastInboundAt: inbound });
    expect(await getConversationState(m(), b.tenantId, b.phoneNumberId, nth(b.contactIds, 1))).toEqual(bBefore);
    await saveConversationStates(m(), a.tenantId, []);
  });

  it('lets two writers lock overlapping windows given in opposite orders without a deadlock', async () => {
    const pairs = [4, 5, 6, 7].map((index) => ({ phoneNumberId: a.phoneNumberId, contactId: nth(a.contactIds, index) }));
    const order: string[] = [];
    const writer = (name: string, mine: typeof pairs) => inTransaction(db.dataSource, async (tx) => {
      await lockConversationStates(tx, a.tenantId, mine);
      order.push(`${name} locked`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      order.push(`${name} done`);
    });
    await Promise.all([writer('first', pairs), writer('second', [...pairs].reverse())]);
    const winner = order[0]?.startsWith('first') ? 'first' : 'second';
    const loser = winner === 'first' ? 'second' : 'first';
    expect(order).toEqual([`${winner} locked`, `${winner} done`, `${loser} locked`, `${loser} done`]);
  });

  it('locks a window that exists without writing it, and writes locked windows in one statement', async () => {
    const pair = { phoneNumberId: a.phoneNumberId, contactId: nth(a.contactIds, 2) };
    const version = async (): Promise<string | undefined> =>
      (await m().query<{ xmin: string }[]>(`SELECT xmin::text FROM conversation_states WHERE phone_number_id = $1 AND contact_id = $2`, [pair.phoneNumberId, pair.contactId]))[0]?.xmin;
    await inTransaction(db.dataSource, (tx) => lockConversationStates(tx, a.tenantId, [pair]));
    const created = await version();
    const at = new Date('2026-03-02T00:00:00Z');
    const moved: ConversationStateInput = { ...pair, lastInboundAt: at, closedByMetaAt: null, entryPoint: { referralAt: at.toISOString(), openedAt: null }, reEngagementSentAt: at, updatedAt: at };
    await inTransaction(db.dataSource, async (tx) => {
      await lockConversationStates(tx, a.tenantId, [pair]);
      expect(await version()).toBe(created);
      await writeLockedConversationStates(tx, a.tenantId, [moved]);
    });
    expect(await getConversationState(m(), a.tenantId, pair.phoneNumberId, pair.contactId)).toEqual({ ...moved, tenantId: a.tenantId });
    await expect(inTransaction(db.dataSource, (tx) => writeLockedConversationStates(tx, b.tenantId, [moved]))).rejects.toThrow('have no row of tenant');
    await expect(inTransaction(db.dataSource, (tx) => writeLockedConversationStates(tx, a.tenantId, [{ ...moved, contactId: nth(b.contactIds, 1) }]))).rejects.toThrow('have no row of tenant');
  });
});
