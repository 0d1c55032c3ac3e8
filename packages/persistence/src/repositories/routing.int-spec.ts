import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { seedTenant, type SeededTenant } from '../test/seed';
import { findPhoneNumber, listWabas } from './account.repository';
import { routeByMetaPhoneNumberId, routeByMetaWabaId } from './routing.repository';

describe('routing by Meta ids', () => {
  let db: MigratedDatabase;
  let tenants: SeededTenant[];
  const m = () => db.dataSource.manager;

  beforeAll(async () => {
    db = await openMigratedPostgres();
    tenants = [await seedTenant(db.dataSource), await seedTenant(db.dataSource)];
  });

  afterAll(() => db.close());

  it("routes each tenant's number and WABA to that tenant", async () => {
    for (const t of tenants) {
      const phone = await findPhoneNumber(m(), t.tenantId, t.phoneNumberId);
      const [waba] = await listWabas(m(), t.tenantId);
      expect(await routeByMetaPhoneNumberId(m(), phone?.metaPhoneNumberId ?? '')).toEqual({ tenantId: t.tenantId, wabaId: t.wabaId, phoneNumberId: t.phoneNumberId });
      expect(await routeByMetaWabaId(m(), waba?.metaWabaId ?? '')).toEqual({ tenantId: t.tenantId, wabaId: t.wabaId, phoneNumberId: null });
    }
  });

  it('routes unknown ids nowhere', async () => {
    expect(await routeByMetaPhoneNumberId(m(), 'pn-unknown')).toBeNull();
    expect(await routeByMetaWabaId(m(), 'waba-unknown')).toBeNull();
  });
});
