import { inTransaction } from '../data-source/db';
import { appendConsent } from '../repositories/consent.repository';
import { saveConversationState } from '../repositories/conversation.repository';
import { saveTemplate } from '../repositories/template.repository';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { present } from '../test/nth';
import { QueryCounter } from '../test/query-counter';
import { seedTenant, type SeededTenant } from '../test/seed';
import { ensureContacts, upsertContacts } from './contact.bulk';
import { loadDispatchFacts, type FactRequest } from './dispatch-facts.loader';
import { pairKey, templateKey } from './fact-keys';
import { insertMessages, type BulkMessageInput } from './message.bulk';

const waIdOf = (index: number): string => `55219${String(index).padStart(8, '0')}`;

describe('bulk paths', () => {
  const counter = new QueryCounter();
  let db: MigratedDatabase;
  let t: SeededTenant;
  let metaPhoneNumberId: string;
  let contactIds: Map<string, string>;

  beforeAll(async () => {
    db = await openMigratedPostgres({ logger: counter });
    t = await seedTenant(db.dataSource);
    metaPhoneNumberId = present((await db.dataSource.query<{ meta_phone_number_id: string }[]>(
      'SELECT meta_phone_number_id FROM phone_numbers WHERE id = $1', [t.phoneNumberId]))[0]).meta_phone_number_id;
    contactIds = await upsertContacts(db.dataSource.manager, t.tenantId, Array.from({ length: 500 }, (_, i) => ({ waId: waIdOf(i), profileName: `C${i}` })));
    await inTransaction(db.dataSource, async (tx) => {
      for (let i = 0; i < 500; i += 5) {
        const contactId = present(contactIds.get(waIdOf(i)));
        await appendConsent(tx, t.tenantId, { contactId, action: 'OPT_IN', scope: 'MARKETING', source: 'IMPORT', proof: {}, actor: 'import', occurredAt: new Date('2026-01-01T00:00:00Z') });
        await saveConversationState(tx, t.tenantId, { phoneNumberId: t.phoneNumberId, contactId, lastInboundAt: new Date('2026-05-01T00:00:00Z'), closedByMetaAt: null, entryPoint: null, reEngagementSentAt: null, updatedAt: new Date() });
      }
      await saveTemplate(tx, t.tenantId, { wabaId: t.wabaId, name: 'paused_one', language: 'pt_BR', category: 'MARKETING', status: 'PAUSED', components: [] }, { at: new Date() });
    });
  });

  afterAll(() => db.close());

  it('upserts contacts by wa_id: updates keep stored values and merge attributes', async () => {
    const m = db.dataSource.manager;
    await upsertContacts(m, t.tenantId, [{ waId: waIdOf(1), locale: 'pt_BR', attributes: { plan: 'gold' } }]);
    const again = await upsertContacts(m, t.tenantId, [{ waId: waIdOf(1), profileName: null, attributes: { city: 'Rio' } }, { waId: '5521999990000', profileName: 'New' }]);
    expect(again.get(waIdOf(1))).toBe(contactIds.get(waIdOf(1)));
    const rows = await m.query<{ profile_name: string; locale: string; attributes: object }[]>(`SELECT profile_name, locale, attributes FROM contacts WHERE wa_id = $1`, [waIdOf(1)]);
    expect(rows).toEqual([{ profile_name: 'C1', locale: 'pt_BR', attributes: { plan: 'gold', city: 'Rio' } }]);
  });

  it('leaves a contact the upsert would not change unwritten, and still returns its id', async () => {
    const m = db.dataSource.manager;
    const versionOf = async (waId: string): Promise<{ xmin: string; updated_at: Date } | undefined> =>
      (await m.query<{ xmin: string; updated_at: Date }[]>(`SELECT xmin::text, updated_at FROM contacts WHERE tenant_id = $1 AND wa_id = $2`, [t.tenantId, waId]))[0];
    const before = await versionOf(waIdOf(7));
    const ids = await upsertContacts(m, t.tenantId, [{ waId: waIdOf(7) }, { waId: waIdOf(8), profileName: 'C8' }, { waId: waIdOf(9), profileName: 'Renamed' }]);
    expect([ids.get(waIdOf(7)), ids.get(waIdOf(8)), ids.get(waIdOf(9))]).toEqual([contactIds.get(waIdOf(7)), contactIds.get(waIdOf(8)), contactIds.get(waIdOf(9))]);
    expect(await versionOf(waIdOf(7))).toEqual(before);
    const renamed = await m.query<{ profile_name: string }[]>(`SELECT profile_name FROM contacts WHERE tenant_id = $1 AND wa_id = $2`, [t.tenantId, waIdOf(9)]);
    expect(renamed).toEqual([{ profile_name: 'Renamed' }]);
  });

  it('ensures contacts: reads existing ones without writing them, creates the missing ones once', async () => {
    const m = db.dataSource.manager;
    const versionOf = async (waId: string): Promise<string | undefined> =>
      (await m.query<{ xmin: string }[]>(`SELECT xmin::text FROM contacts WHERE tenant_id = $1 AND wa_id = $2`, [t.tenantId, waId]))[0]?.xmin;
    const before = await versionOf(waIdOf(11));
    const { result: known, queries } = await counter.measure(() => ensureContacts(m, t.tenantId, [waIdOf(11), waIdOf(12), waIdOf(11)]));
    expect([...known]).toEqual([[waIdOf(11), contactIds.get(waIdOf(11))], [waIdOf(12), contactIds.get(waIdOf(12))]]);
    expect(queries).toBe(1);
    expect(await versionOf(waIdOf(11))).toBe(before);

    const created = await ensureContacts(m, t.tenantId, ['5521988880001', waIdOf(13)]);
    expect(created.get(waIdOf(13))).toBe(contactIds.get(waIdOf(13)));
    const stored = await m.query<{ id: string; profile_name: string | null }[]>(`SELECT id, profile_name FROM contacts WHERE tenant_id = $1 AND wa_id = '5521988880001'`, [t.tenantId]);
    expect(stored).toEqual([{ id: created.get('5521988880001'), profile_name: null }]);
    expect(await ensureContacts(m, t.tenantId, ['5521988880001'])).toEqual(new Map([['5521988880001', created.get('5521988880001')]]));
  });

  it('ensures contacts without waiting for a lock on an existing one', async () => {
    const holder = db.dataSource.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT id FROM contacts WHERE tenant_id = $1 AND wa_id = $2 FOR UPDATE`, [t.tenantId, waIdOf(14)]);
      const lockWait = new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 3_000).unref());
      const ensured = ensureContacts(db.dataSource.manager, t.tenantId, [waIdOf(14)]).then((ids) => ids.get(waIdOf(14)));
      expect(await Promise.race([ensured, lockWait])).toBe(contactIds.get(waIdOf(14)));
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('ensures a contact another transaction creates meanwhile: its id, not a second row', async () => {
    const waId = '5521988880002';
    const creator = db.dataSource.createQueryRunner();
    await creator.startTransaction();
    const [row] = (await creator.query(`INSERT INTO contacts (tenant_id, wa_id) VALUES ($1, $2) RETURNING id`, [t.tenantId, waId])) as { id: string }[];
    // Not visible yet: the insert below waits on the uncommitted row, then finds it taken.
    const ensured = ensureContacts(db.dataSource.manager, t.tenantId, [waId]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await creator.commitTransaction();
    await creator.release();
    expect((await ensured).get(waId)).toBe(present(row).id);
    const rows = await db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM contacts WHERE tenant_id = $1 AND wa_id = $2`, [t.tenantId, waId]);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('inserts message rows in bulk and skips command ids already recorded', async () => {
    const rows: BulkMessageInput[] = Array.from({ length: 300 }, (_, i) => ({
      phoneNumberId: t.phoneNumberId, contactId: present(contactIds.get(waIdOf(i))), direction: 'OUTBOUND', type: 'template', status: 'PENDING',
      commandId: `bulk-${i}`, decision: 'ALLOW', templateName: 'promo', templateLanguage: 'pt_BR', pricingCategory: 'MARKETING',
      templateParameters: { body: [`p${i}`] }, costEstimate: '0.0625',
    }));
    const { result: first, queries } = await counter.measure(() => insertMessages(db.dataSource.manager, t.tenantId, rows));
    expect(first.inserted.size).toBe(300);
    expect(first.duplicates).toEqual([]);
    expect(queries).toBe(2);
    const second = await insertMessages(db.dataSource.manager, t.tenantId, [...rows.slice(0, 2), { ...present(rows[0]), commandId: 'bulk-new' }]);
    expect([...second.inserted.keys()]).toEqual(['bulk-new']);
    expect(second.duplicates).toEqual(['bulk-0', 'bulk-1']);
  });

  it('loads the facts of 500 commands in a constant number of queries', async () => {
    const requests = (count: number): FactRequest[] =>
      Array.from({ length: count }, (_, i) => ({
        commandId: i % 2 === 0 ? `bulk-${i}` : `fresh-${i}`, metaPhoneNumberId, waId: i === 499 ? '5599000000000' : waIdOf(i),
        template: i % 3 === 0 ? { name: 'paused_one', language: 'pt_BR' } : { name: t.templateName, language: 'pt_BR' },
      }));
    const since = new Date(Date.now() - 7 * 24 * 3600 * 1000);
    const small = await counter.measure(() => loadDispatchFacts(db.dataSource.manager, t.tenantId, requests(5), since));
    const { result: facts, queries } = await counter.measure(() => loadDispatchFacts(db.dataSource.manager, t.tenantId, requests(500), since));
    expect(queries).toBe(7);
    expect(small.queries).toBe(queries);

    expect(facts.phoneNumbers.get(metaPhoneNumberId)).toMatchObject({ id: t.phoneNumberId, portfolioMessagingLimitTier: 'TIER_2K' });
    expect(facts.contacts.size).toBe(499);
    expect(facts.contacts.has('5599000000000')).toBe(false);
    const contact0 = present(contactIds.get(waIdOf(0)));
    expect(facts.consent.get(contact0)?.map((c) => [c.category, c.status])).toEqual([['MARKETING', 'OPTED_IN']]);
    expect(facts.conversationStates.size).toBe(100);
    expect(facts.conversationStates.get(pairKey(t.phoneNumberId, contact0))?.lastInboundAt).toEqual(new Date('2026-05-01T00:00:00Z'));
    expect(facts.templates.get(templateKey(t.wabaId, 'paused_one', 'pt_BR'))?.status).toBe('PAUSED');
    expect(facts.templates.get(templateKey(t.wabaId, t.templateName, 'pt_BR'))?.status).toBe('APPROVED');
    expect(facts.recentSends.get(pairKey(t.phoneNumberId, contact0))?.map((s) => s.category)).toEqual(['MARKETING', 'MARKETING']);
    expect(facts.existingCommands.size).toBe(150); // the even commands bulk-0…bulk-298 were inserted above
    expect(facts.existingCommands.get('bulk-0')).toMatchObject({ status: 'PENDING', wamid: null });
  });
});
