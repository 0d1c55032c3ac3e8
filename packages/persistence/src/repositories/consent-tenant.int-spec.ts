import { inTransaction } from '../data-source/db';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth } from '../test/nth';
import { seedTenant, type SeededTenant } from '../test/seed';
import { appendConsent, getCurrentConsent, listConsentRecords, type ConsentRecordInput } from './consent.repository';

describe('consent across tenants', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  const m = () => db.dataSource.manager;

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource);
    b = await seedTenant(db.dataSource);
  });

  afterAll(() => db.close());

  const optOut = (input: Partial<ConsentRecordInput>): ConsentRecordInput => ({
    contactId: nth(a.contactIds, 0), action: 'OPT_OUT', scope: 'ALL', source: 'API', proof: {}, actor: 'api', occurredAt: new Date('2030-01-01T00:00:00Z'), ...input,
  });

  it("shows no consent of a tenant's contact to another tenant", async () => {
    expect(await listConsentRecords(m(), a.tenantId, nth(a.contactIds, 0))).toHaveLength(1);
    expect(await listConsentRecords(m(), b.tenantId, nth(a.contactIds, 0))).toEqual([]);
    expect(await getCurrentConsent(m(), b.tenantId, nth(a.contactIds, 0))).toEqual([]);
  });

  it("refuses a record for another tenant's contact or given on another tenant's number, writing nothing", async () => {
    await expect(inTransaction(db.dataSource, (tx) => appendConsent(tx, b.tenantId, optOut({})))).rejects.toMatchObject({ code: 'TENANT_MISMATCH' });
    await expect(inTransaction(db.dataSource, (tx) => appendConsent(tx, a.tenantId, optOut({ phoneNumberId: b.phoneNumberId })))).rejects.toMatchObject({ code: 'TENANT_MISMATCH' });
    expect(await listConsentRecords(m(), a.tenantId, nth(a.contactIds, 0))).toHaveLength(1);
    expect((await getCurrentConsent(m(), a.tenantId, nth(a.contactIds, 0))).map((c) => c.status)).toEqual(['OPTED_IN', 'OPTED_IN', 'OPTED_IN']);
  });

  it("records consent given on the tenant's own number", async () => {
    const record = await inTransaction(db.dataSource, (tx) => appendConsent(tx, a.tenantId, optOut({ phoneNumberId: a.phoneNumberId, scope: 'MARKETING' })));
    expect(record).toMatchObject({ tenantId: a.tenantId, phoneNumberId: a.phoneNumberId, action: 'OPT_OUT', scope: 'MARKETING' });
    expect((await getCurrentConsent(m(), a.tenantId, nth(a.contactIds, 0))).find((c) => c.category === 'MARKETING')?.recordId).toBe(record.id);
  });
});
