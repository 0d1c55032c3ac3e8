import { findContactByWaId, getContact, listContactsPage } from '../repositories/contact.repository';
import { findMessageByCommandId, findMessageByWamid, listMessagesPage } from '../repositories/message.repository';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth, present } from '../test/nth';
import { QueryCounter } from '../test/query-counter';
import { seedTenant, type SeededTenant } from '../test/seed';
import { upsertContacts } from './contact.bulk';
import { loadDispatchFacts } from './dispatch-facts.loader';
import { insertMessages } from './message.bulk';

const ROWS = 100_000;
const BATCH = 5_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function scans(node: PlanNode): string[] {
  const own = node['Relation Name'] ? [`${node['Node Type']} on ${node['Relation Name']}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}

describe(`hot lookups at ${ROWS} rows`, () => {
  const counter = new QueryCounter();
  let db: MigratedDatabase;
  let t: SeededTenant;
  let metaPhoneNumberId: string;
  const m = () => db.dataSource.manager;
  const waId = (n: number): string => String(5511900000000 + n);

  beforeAll(async () => {
    db = await openMigratedPostgres({ logger: counter });
    t = await seedTenant(db.dataSource);
    await seedTenant(db.dataSource);
    metaPhoneNumberId = present((await db.dataSource.query<{ meta_phone_number_id: string }[]>(
      'SELECT meta_phone_number_id FROM phone_numbers WHERE id = $1', [t.phoneNumberId]))[0]).meta_phone_number_id;
    // Filled through the bulk paths themselves, 5,000 rows a call.
    for (let from = 1; from <= ROWS; from += BATCH) {
      const numbers = Array.from({ length: BATCH }, (_, i) => from + i);
      const ids = await upsertContacts(m(), t.tenantId, numbers.map((n) => ({ waId: waId(n), profileName: `C${n}` })));
      await insertMessages(m(), t.tenantId, numbers.map((n) => ({
        phoneNumberId: t.phoneNumberId, contactId: present(ids.get(waId(n))), direction: n % 3 === 0 ? 'INBOUND' : 'OUTBOUND',
        type: 'text', status: 'SENT', commandId: `hot-${n}`, wamid: `wamid.hot.${n}`, pricingCategory: 'UTILITY',
      })));
    }
    await db.dataSource.query('ANALYZE');
  });

  afterAll(() => db.close());

  const HOT: Record<string, () => Promise<unknown>> = {
    findContactByWaId: () => findContactByWaId(m(), t.tenantId, waId(4242)),
    getContact: () => getContact(m(), t.tenantId, nth(t.contactIds, 0)),
    findMessageByCommandId: () => findMessageByCommandId(m(), t.tenantId, 'hot-777'),
    findMessageByWamid: () => findMessageByWamid(m(), t.tenantId, 'wamid.hot.777'),
    loadDispatchFacts: () =>
      loadDispatchFacts(m(), t.tenantId, Array.from({ length: 500 }, (_, i) => ({
        commandId: `hot-${i * 150}`, metaPhoneNumberId, waId: waId(i * 150 + 1), template: { name: t.templateName, language: 'pt_BR' },
      })), new Date('2026-01-01')),
    listContactsPage: async () => {
      const page = await listContactsPage(m(), t.tenantId, { first: 50 });
      return listContactsPage(m(), t.tenantId, { first: 50, after: page.pageInfo.endCursor });
    },
    listMessagesPage: async () => {
      const contact = present(await findContactByWaId(m(), t.tenantId, waId(99)));
      return listMessagesPage(m(), t.tenantId, { first: 50, contactId: contact.id });
    },
  };

  it('holds every row the bulk paths wrote', async () => {
    const counts = await db.dataSource.query<{ contacts: string; messages: string }[]>(
      `SELECT (SELECT count(*) FROM contacts WHERE tenant_id = $1) AS contacts, (SELECT count(*) FROM messages WHERE tenant_id = $1) AS messages`,
      [t.tenantId],
    );
    expect(counts).toEqual([{ contacts: String(ROWS + 2), messages: String(ROWS + 2) }]);
  });

  it.each(Object.keys(HOT))('%s scans no table of contacts or messages sequentially', async (name) => {
    const statements = await counter.capture(present(HOT[name]));
    const reads = statements.filter(({ query }) => /^\s*(SELECT|WITH)/i.test(query));
    expect(reads.length).toBeGreaterThan(0);
    for (const { query, parameters } of reads) {
      const [row] = await db.dataSource.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(`EXPLAIN (FORMAT JSON) ${query}`, parameters);
      const found = scans(nth(present(row)['QUERY PLAN'], 0).Plan);
      expect(found.length).toBeGreaterThan(0);
      expect({ query, seqScans: found.filter((scan) => /^Seq Scan on (messages|contacts)$/.test(scan)) }).toEqual({ query, seqScans: [] });
    }
  });
});
