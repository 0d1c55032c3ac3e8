import { listContactsPage } from '../repositories/contact.repository';
import { listMessagesPage } from '../repositories/message.repository';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { seedTenant, type SeededTenant } from '../test/seed';
import type { Connection } from './keyset';

async function walk<T extends { id: string }>(page: (after: string | null) => Promise<Connection<T>>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const connection: Connection<T> = await page(after);
    ids.push(...connection.edges.map((edge) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) return ids;
    after = connection.pageInfo.endCursor;
  }
}

describe('keyset pagination', () => {
  let db: MigratedDatabase;
  let t: SeededTenant;
  let expected: string[];

  beforeAll(async () => {
    db = await openMigratedPostgres();
    t = await seedTenant(db.dataSource, { contacts: 3 });
    // Rows a microsecond apart (inside one millisecond) and rows sharing a timestamp: a
    // cursor rounded to JavaScript's milliseconds would repeat or skip them.
    await db.dataSource.query(
      `INSERT INTO contacts (tenant_id, wa_id, created_at)
       SELECT $1, (5531000000000 + g)::text, timestamptz '2026-06-01 12:00:00.123' + (g / 3) * interval '1 microsecond'
       FROM generate_series(1, 40) AS g`,
      [t.tenantId],
    );
    const rows = await db.dataSource.query<{ id: string }[]>(`SELECT id FROM contacts WHERE tenant_id = $1 ORDER BY created_at, id`, [t.tenantId]);
    expected = rows.map((row) => row.id);
  });

  afterAll(() => db.close());

  it.each([1, 2, 7, 100])('walks every contact exactly once, in order, with pages of %i', async (first) => {
    const ids = await walk((after) => listContactsPage(db.dataSource.manager, t.tenantId, { first, after }));
    expect(ids).toEqual(expected);
  });

  it('reports page info like a Relay connection', async () => {
    const page = await listContactsPage(db.dataSource.manager, t.tenantId, { first: 2 });
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: page.edges[0]?.cursor, endCursor: page.edges[1]?.cursor });
    const last = await listContactsPage(db.dataSource.manager, t.tenantId, { first: 100, after: page.pageInfo.endCursor });
    expect(last.edges).toHaveLength(expected.length - 2);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect((await listContactsPage(db.dataSource.manager, t.tenantId, { first: 0 })).edges).toEqual([]);
  });

  it('pages the messages of one contact', async () => {
    const ids = await walk((after) => listMessagesPage(db.dataSource.manager, t.tenantId, { first: 1, after, contactId: t.contactIds[0] }));
    expect(ids).toEqual([t.messageIds[0]]);
    expect(await walk((after) => listMessagesPage(db.dataSource.manager, t.tenantId, { first: 1, after }))).toHaveLength(3);
  });

  it('refuses a forged cursor', async () => {
    await expect(listContactsPage(db.dataSource.manager, t.tenantId, { first: 1, after: 'bm9wZQ' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });
});
