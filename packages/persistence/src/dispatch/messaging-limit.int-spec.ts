import { inTransaction } from '../data-source/db';
import * as repo from '../repositories';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth } from '../test/nth';
import { QueryCounter } from '../test/query-counter';
import { seedTenant, type SeededTenant } from '../test/seed';
import { loadLimitUsage } from './messaging-limit.query';

const SINCE = new Date('2026-03-01T00:00:00Z');
const hour = (h: number): Date => new Date(SINCE.getTime() + h * 3_600_000);

interface Numbers {
  /** Two numbers of one portfolio. */
  p1: string;
  p2: string;
  /** A number of another portfolio of the same tenant. */
  p3: string;
  /** Two numbers without a portfolio. */
  p4: string;
  p5: string;
  contacts: string[];
}

describe('messaging-limit usage', () => {
  const counter = new QueryCounter();
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  let n: Numbers;
  const m = () => db.dataSource.manager;
  const c = (index: number): string => nth(n.contacts, index);

  const message = (tenantId: string, phoneNumberId: string, contactId: string, createdAt: Date, fields: { status?: string; type?: string; direction?: string } = {}) =>
    db.dataSource.query(
      `INSERT INTO messages (tenant_id, phone_number_id, contact_id, direction, type, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, phoneNumberId, contactId, fields.direction ?? 'OUTBOUND', fields.type ?? 'template', fields.status ?? 'SENT', createdAt],
    );

  beforeAll(async () => {
    db = await openMigratedPostgres({ logger: counter });
    a = await seedTenant(db.dataSource);
    b = await seedTenant(db.dataSource, { contacts: 1 });
    n = await inTransaction(db.dataSource, async (tx) => {
      const t = a.tenantId;
      const phone = async (wabaId: string, portfolioId: string | null, index: number) => (await repo.savePhoneNumber(tx, t, {
        wabaId, portfolioId, metaPhoneNumberId: `pn-limit-${index}-${a.tenantId}`, displayPhoneNumber: `55219000000${index}`,
      })).id;
      const portfolio = await repo.savePortfolio(tx, t, { metaBusinessId: `biz-limit-${t}`, name: 'Limits' });
      const other = await repo.savePortfolio(tx, t, { metaBusinessId: `biz-limit-other-${t}`, name: 'Other' });
      const waba = await repo.saveWaba(tx, t, { metaWabaId: `waba-limit-${t}`, name: 'Limits', portfolioId: portfolio.id });
      const otherWaba = await repo.saveWaba(tx, t, { metaWabaId: `waba-limit-other-${t}`, name: 'Other', portfolioId: other.id });
      const looseWaba = await repo.saveWaba(tx, t, { metaWabaId: `waba-limit-loose-${t}`, name: 'Loose', portfolioId: null });
      const contacts = [];
      for (let index = 0; index < 8; index += 1) contacts.push((await repo.createContact(tx, t, { waId: `55219888800${index}` })).id);
      return {
        p1: await phone(waba.id, portfolio.id, 1), p2: await phone(waba.id, portfolio.id, 2), p3: await phone(otherWaba.id, other.id, 3),
        p4: await phone(looseWaba.id, null, 4), p5: await phone(looseWaba.id, null, 5), contacts,
      };
    });
    const t = a.tenantId;
    // Counted for the portfolio of p1 and p2: contacts 1, 2 and 4.
    await message(t, n.p1, c(1), hour(10));
    await message(t, n.p1, c(1), hour(20), { status: 'DELIVERED' });
    await message(t, n.p2, c(2), hour(12), { status: 'ACCEPTED' });
    await message(t, n.p1, c(4), hour(15), { status: 'HELD' });
    await message(t, n.p1, c(4), hour(16), { status: 'PENDING' });
    // Not counted: turned down, held back or failed, free-form, inbound, older than the window.
    await message(t, n.p2, c(3), hour(13), { status: 'REJECTED' });
    await message(t, n.p1, c(3), hour(14), { status: 'DEFERRED' });
    await message(t, n.p1, c(3), hour(15), { status: 'FAILED' });
    await message(t, n.p1, c(7), hour(11), { type: 'text' });
    await message(t, n.p1, c(5), hour(9), { direction: 'INBOUND', status: 'RECEIVED' });
    await message(t, n.p1, c(5), hour(-1));
    await message(t, n.p1, c(5), SINCE);
    // Other scopes.
    await message(t, n.p3, c(6), hour(11));
    await message(t, n.p4, c(6), hour(9));
    await message(t, n.p5, c(1), hour(8));
    await message(b.tenantId, b.phoneNumberId, nth(b.contactIds, 0), hour(5));
  });

  afterAll(() => db.close());

  it('counts the distinct contacts sent a template in the window by every number of the portfolio, in two queries', async () => {
    const { result, queries } = await counter.measure(() => loadLimitUsage(m(), a.tenantId, n.p1, SINCE, [c(1), c(3), c(5), c(6), c(7)]));
    expect(queries).toBe(2);
    expect(result.uniqueRecipients).toBe(3);
    expect(result.countedContactIds).toEqual(new Set([c(1)]));
    const fromOther = await loadLimitUsage(m(), a.tenantId, n.p2, SINCE, [c(2), c(4), c(3)]);
    expect(fromOther).toEqual({ ...result, countedContactIds: new Set([c(2), c(4)]) });
  });

  it('gives as oldestAt the time the first counted contact leaves the window: the oldest of their latest messages', async () => {
    // Contact 1 was sent a template at 10:00 and again at 20:00; it stays counted until 20:00 leaves the window.
    // Contact 2 (12:00 only) is the first to leave.
    expect((await loadLimitUsage(m(), a.tenantId, n.p1, SINCE, [])).oldestAt).toEqual(hour(12));
  });

  it('counts only the numbers of the same portfolio', async () => {
    expect(await loadLimitUsage(m(), a.tenantId, n.p3, SINCE, [c(6), c(1)])).toEqual({ uniqueRecipients: 1, oldestAt: hour(11), countedContactIds: new Set([c(6)]) });
  });

  it('counts only the number itself when it has no portfolio', async () => {
    expect(await loadLimitUsage(m(), a.tenantId, n.p4, SINCE, [c(6), c(1)])).toEqual({ uniqueRecipients: 1, oldestAt: hour(9), countedContactIds: new Set([c(6)]) });
    expect(await loadLimitUsage(m(), a.tenantId, n.p5, SINCE, [c(6), c(1)])).toEqual({ uniqueRecipients: 1, oldestAt: hour(8), countedContactIds: new Set([c(1)]) });
  });

  it('moves with `since`', async () => {
    expect(await loadLimitUsage(m(), a.tenantId, n.p1, hour(13), [c(1), c(2)])).toEqual({ uniqueRecipients: 2, oldestAt: hour(16), countedContactIds: new Set([c(1)]) });
    expect(await loadLimitUsage(m(), a.tenantId, n.p1, hour(20), [c(1)])).toEqual({ uniqueRecipients: 0, oldestAt: null, countedContactIds: new Set() });
  });

  it('asks one query when no contact is asked about', async () => {
    const { result, queries } = await counter.measure(() => loadLimitUsage(m(), a.tenantId, n.p1, SINCE, []));
    expect(queries).toBe(1);
    expect(result.countedContactIds).toEqual(new Set());
    expect(result.uniqueRecipients).toBe(3);
  });

  it("never counts another tenant's messages, even given its number", async () => {
    const none = { uniqueRecipients: 0, oldestAt: null, countedContactIds: new Set() };
    expect(await loadLimitUsage(m(), a.tenantId, b.phoneNumberId, SINCE, [nth(b.contactIds, 0)])).toEqual(none);
    expect(await loadLimitUsage(m(), b.tenantId, n.p1, SINCE, [c(1)])).toEqual(none);
    expect(await loadLimitUsage(m(), b.tenantId, b.phoneNumberId, hour(0), [nth(b.contactIds, 0)]))
      .toEqual({ uniqueRecipients: 1, oldestAt: expect.any(Date), countedContactIds: new Set([nth(b.contactIds, 0)]) });
  });

  it("never counts a row of another tenant, even one that names the tenant's own number", async () => {
    // Such a row cannot be written through the repositories (ownership checks); the query must not rely on that.
    await message(b.tenantId, n.p1, c(0), hour(1));
    try {
      expect(await loadLimitUsage(m(), a.tenantId, n.p1, SINCE, [c(0)])).toEqual({ uniqueRecipients: 3, oldestAt: hour(12), countedContactIds: new Set() });
    } finally {
      await db.dataSource.query('DELETE FROM messages WHERE tenant_id = $1 AND phone_number_id = $2', [b.tenantId, n.p1]);
    }
  });
});
