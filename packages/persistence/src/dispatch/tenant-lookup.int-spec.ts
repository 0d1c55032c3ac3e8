import { randomUUID } from 'node:crypto';
import { getTenant } from '../repositories/tenant.repository';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { present } from '../test/nth';
import { QueryCounter } from '../test/query-counter';
import { seedTenant, type SeededTenant } from '../test/seed';
import { resolveTenantRefs } from './tenant-lookup';

describe('resolveTenantRefs', () => {
  const counter = new QueryCounter();
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  let aSlug: string;
  let bSlug: string;
  const m = () => db.dataSource.manager;

  beforeAll(async () => {
    db = await openMigratedPostgres({ logger: counter });
    a = await seedTenant(db.dataSource);
    b = await seedTenant(db.dataSource);
    aSlug = present(await getTenant(m(), a.tenantId)).slug;
    bSlug = present(await getTenant(m(), b.tenantId)).slug;
  });

  afterAll(() => db.close());

  it('resolves tenants by id and by slug, in one query, keyed by the ref given', async () => {
    const { result, queries } = await counter.measure(() => resolveTenantRefs(m(), [a.tenantId, bSlug, aSlug, a.tenantId]));
    expect(queries).toBe(1);
    expect(result).toEqual(new Map([[a.tenantId, a.tenantId], [bSlug, b.tenantId], [aSlug, a.tenantId]]));
  });

  it('leaves unknown refs out', async () => {
    const unknownId = randomUUID();
    const found = await resolveTenantRefs(m(), [unknownId, 'no-such-tenant', bSlug, '', 'not-a-uuid-0000']);
    expect(found).toEqual(new Map([[bSlug, b.tenantId]]));
  });

  it('resolves an id in capitals, also beside the same id in small letters', async () => {
    const upper = a.tenantId.toUpperCase();
    expect(await resolveTenantRefs(m(), [upper])).toEqual(new Map([[upper, a.tenantId]]));
    expect(await resolveTenantRefs(m(), [upper, a.tenantId])).toEqual(new Map([[upper, a.tenantId], [a.tenantId, a.tenantId]]));
  });

  it('asks nothing for no refs', async () => {
    expect(await counter.measure(() => resolveTenantRefs(m(), []))).toEqual({ result: new Map(), queries: 0 });
  });
});
