import { randomUUID } from 'node:crypto';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth } from '../test/nth';
import { seedTenant, type SeededTenant } from '../test/seed';
import { assertTenantOwns } from './tenant-ownership';

type Refs = Parameters<typeof assertTenantOwns>[2];

describe('tenant ownership check', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  const m = () => db.dataSource.manager;

  const refsOf = (t: SeededTenant): Required<Refs> => ({
    phoneNumberIds: [t.phoneNumberId], contactIds: t.contactIds, wabaIds: [t.wabaId], portfolioIds: [t.portfolioId], conversationIds: [t.conversationId],
  });

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource);
    b = await seedTenant(db.dataSource);
  });

  afterAll(() => db.close());

  it('accepts ids the tenant owns, repeated or not', async () => {
    const own = refsOf(a);
    await expect(assertTenantOwns(m(), a.tenantId, own)).resolves.toBeUndefined();
    await expect(assertTenantOwns(m(), a.tenantId, { contactIds: [...own.contactIds, nth(own.contactIds, 0)] })).resolves.toBeUndefined();
    await expect(assertTenantOwns(m(), a.tenantId, {})).resolves.toBeUndefined();
  });

  it.each(['phoneNumberIds', 'contactIds', 'wabaIds', 'portfolioIds', 'conversationIds'] as const)(
    "refuses one of another tenant's %s among the tenant's own",
    async (kind) => {
      const refs = { ...refsOf(a), [kind]: [...refsOf(a)[kind], nth(refsOf(b)[kind], 0)] };
      await expect(assertTenantOwns(m(), a.tenantId, refs)).rejects.toMatchObject({ code: 'TENANT_MISMATCH' });
    },
  );

  it('refuses an id that exists nowhere', async () => {
    await expect(assertTenantOwns(m(), a.tenantId, { contactIds: [randomUUID()] })).rejects.toMatchObject({ code: 'TENANT_MISMATCH' });
  });
});
