import { inTransaction } from '../data-source/db';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { seedTenant, type SeededTenant } from '../test/seed';
import { appendConsent, getCurrentConsent, listConsentRecords, type ConsentRecordInput } from './consent.repository';
import { nth } from '../test/nth';

const at = (iso: string): Date => new Date(iso);

describe('consent ledger', () => {
  let db: MigratedDatabase;
  let tenant: SeededTenant;
  let contactId: string;

  beforeAll(async () => {
    db = await openMigratedPostgres();
    tenant = await seedTenant(db.dataSource);
    contactId = nth(tenant.contactIds, 1);
  });

  afterAll(() => db.close());

  const append = (input: Partial<ConsentRecordInput>) =>
    inTransaction(db.dataSource, (tx) =>
      appendConsent(tx, tenant.tenantId, {
        contactId, action: 'OPT_IN', scope: 'ALL', source: 'WEBSITE_FORM', proof: { text: 'Yes, Acme may message me' }, actor: 'contact', occurredAt: at('2026-02-01T00:00:00Z'), ...input,
      }),
    );

  it('moves the current consent of every category an ALL record covers', async () => {
    await append({});
    const current = await getCurrentConsent(db.dataSource.manager, tenant.tenantId, contactId);
    expect(current.map((row) => [row.category, row.status])).toEqual([
      ['AUTHENTICATION', 'OPTED_IN'], ['MARKETING', 'OPTED_IN'], ['UTILITY', 'OPTED_IN'],
    ]);
  });

  it('applies a later per-category opt-out to that category only', async () => {
    const record = await append({ action: 'OPT_OUT', scope: 'MARKETING', source: 'INBOUND_KEYWORD', occurredAt: at('2026-02-02T00:00:00Z') });
    const current = await getCurrentConsent(db.dataSource.manager, tenant.tenantId, contactId);
    expect(current.find((row) => row.category === 'MARKETING')).toMatchObject({ status: 'OPTED_OUT', recordId: record.id, source: 'INBOUND_KEYWORD' });
    expect(current.find((row) => row.category === 'UTILITY')?.status).toBe('OPTED_IN');
  });

  it('keeps an older, late-arriving record in the ledger without overturning the current state', async () => {
    await append({ action: 'OPT_IN', scope: 'MARKETING', occurredAt: at('2026-01-15T00:00:00Z') });
    const current = await getCurrentConsent(db.dataSource.manager, tenant.tenantId, contactId);
    expect(current.find((row) => row.category === 'MARKETING')?.status).toBe('OPTED_OUT');
    const ledger = await listConsentRecords(db.dataSource.manager, tenant.tenantId, contactId);
    expect(ledger.map((row) => row.occurredAt.toISOString())).toEqual([
      '2026-01-15T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z',
    ]);
  });

  it('writes the ledger and the current consent together or not at all', async () => {
    await expect(
      inTransaction(db.dataSource, async (tx) => {
        await appendConsent(tx, tenant.tenantId, {
          contactId, action: 'OPT_OUT', scope: 'ALL', source: 'API', proof: {}, actor: 'api', occurredAt: at('2026-03-01T00:00:00Z'),
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const current = await getCurrentConsent(db.dataSource.manager, tenant.tenantId, contactId);
    expect(current.find((row) => row.category === 'UTILITY')?.status).toBe('OPTED_IN');
    expect(await listConsentRecords(db.dataSource.manager, tenant.tenantId, contactId)).toHaveLength(3);
  });

  it.each([
    ['UPDATE', `UPDATE consent_records SET action = 'OPT_OUT'`],
    ['DELETE', 'DELETE FROM consent_records'],
    ['TRUNCATE', 'TRUNCATE consent_records CASCADE'],
  ])('refuses %s on the ledger', async (_operation, sql) => {
    await expect(db.dataSource.query(sql)).rejects.toThrow(/append-only/);
  });

  it('lets only an erasure rewrite the proof, and nothing else', async () => {
    const erase = (sql: string) =>
      inTransaction(db.dataSource, async (tx) => {
        await tx.query(`SET LOCAL recado.erasure = 'on'`);
        await tx.query(sql, [tenant.tenantId]);
      });
    await erase(`UPDATE consent_records SET proof = '{"erased": true}' WHERE tenant_id = $1`);
    await expect(erase(`UPDATE consent_records SET scope = 'UTILITY' WHERE tenant_id = $1`)).rejects.toThrow(/append-only/);
    await expect(erase(`DELETE FROM consent_records WHERE tenant_id = $1`)).rejects.toThrow(/append-only/);
  });
});
