import { findContactByWaId, getContact, listContactsPage } from '../repositories/contact.repository';
import { findMessageByCommandId, findMessageByWamid, listMessagesPage } from '../repositories/message.repository';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth, present } from '../test/nth';
import { QueryCounter } from '../test/query-counter';
import { seedTenant, type SeededTenant } from '../test/seed';
import { loadDispatchFacts } from './dispatch-facts.loader';

const ROWS = 100_000;

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

  beforeAll(async () => {
    db = await openMigratedPostgres({ logger: counter });
    t = await seedTenant(db.dataSource);
    await seedTenant(db.dataSource);
    metaPhoneNumberId = present((await db.dataSource.query<{ meta_phone_number_id: string }[]>(
      'SELECT meta_phone_number_id FROM phone_numbers WHERE id = $1', [t.phoneNumberId]))[0]).meta_phone_number_id;
    await db.dataSource.query(
      `INSERT INTO contacts (tenant_id, wa_id, profile_name, created_at)
       SELECT $1, (5511900000000 + g)::text, 'C' || g, timestamptz '2026-01-01' + g * interval '1 second' FROM generate_series(1, ${ROWS}) AS g`,
      [t.tenantId],
    );
    await db.dataSource.query(
      `INSERT INTO messages (tenant_id, phone_number_id, contact_id, direction, type, status, command_id, wamid, created_at, pricing_category)
       SELECT $1, $2, c.id, CASE WHEN n % 3 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END, 'text', 'SENT', 'hot-' || n, 'wamid.hot.' || n,
              c.created_at + interval '1 minute', 'UTILITY'
       FROM (SELECT id, created_at, row_number() OVER (ORDER BY created_at) AS n FROM contacts WHERE tenant_id = $1) c`,
      [t.tenantId, t.phoneNumberId],
    );
    await db.dataSource.query('ANALYZE');
  });

  afterAll(() => db.close());

  const m = () => db.dataSource.manager;
  const waId = (n: number): string => String(5511900000000 + n);

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
