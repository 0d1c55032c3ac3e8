import { randomUUID } from 'node:crypto';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { createTenant, getTenant } from './tenant.repository';

describe('tenants', () => {
  let db: MigratedDatabase;
  const m = () => db.dataSource.manager;

  beforeAll(async () => {
    db = await openMigratedPostgres();
  });

  afterAll(() => db.close());

  it('creates a tenant and reads it back by id', async () => {
    const created = await createTenant(m(), { slug: 'acme', name: 'Acme Ltda' });
    expect(created).toEqual({ id: expect.any(String) as string, slug: 'acme', name: 'Acme Ltda', createdAt: expect.any(Date) as Date });
    expect(await getTenant(m(), created.id)).toEqual(created);
  });

  it('reads nothing for an unknown id', async () => {
    expect(await getTenant(m(), randomUUID())).toBeNull();
  });

  it('refuses a second tenant with the same slug', async () => {
    await expect(createTenant(m(), { slug: 'acme', name: 'Other Acme' })).rejects.toThrow(/uq_tenants_slug/);
    const rows = await db.dataSource.query<{ name: string }[]>(`SELECT name FROM tenants WHERE slug = 'acme'`);
    expect(rows).toEqual([{ name: 'Acme Ltda' }]);
  });
});
