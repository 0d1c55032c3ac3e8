import { findTemplate, listTemplateHistory } from '../repositories/template.repository';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { present } from '../test/nth';
import { seedTenant, type SeededTenant } from '../test/seed';
import { haltPhoneNumber, markTemplateStatusFromError } from './follow-up.repository';

const EARLY = new Date('2026-03-01T12:00:00Z');
const LATE = new Date('2026-03-02T12:00:00Z');
const LATER = new Date('2026-03-03T12:00:00Z');

describe('follow-ups of Meta errors', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  const m = () => db.dataSource.manager;

  const haltedUntil = async (phoneNumberId: string): Promise<Date | null | undefined> => {
    const [row] = await db.dataSource.query<{ halted_until: Date | null }[]>('SELECT halted_until FROM phone_numbers WHERE id = $1', [phoneNumberId]);
    return row?.halted_until;
  };
  const templateKey = (t: SeededTenant) => ({ wabaId: t.wabaId, name: t.templateName, language: 'pt_BR' });
  const template = async (t: SeededTenant) => present(await findTemplate(m(), t.tenantId, templateKey(t)), 'template');
  const history = async (t: SeededTenant) => (await listTemplateHistory(m(), t.tenantId, t.templateId))
    .map((h) => ({ kind: h.kind, previousValue: h.previousValue, newValue: h.newValue, reason: h.reason, occurredAt: h.occurredAt }));

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource);
    b = await seedTenant(db.dataSource);
  });

  afterAll(() => db.close());

  describe('haltPhoneNumber', () => {
    it('halts a number and keeps the later of two halts', async () => {
      expect(await haltedUntil(a.phoneNumberId)).toBeNull();
      expect(await haltPhoneNumber(m(), a.tenantId, a.phoneNumberId, LATE)).toBe(true);
      expect(await haltedUntil(a.phoneNumberId)).toEqual(LATE);
      expect(await haltPhoneNumber(m(), a.tenantId, a.phoneNumberId, EARLY)).toBe(true);
      expect(await haltedUntil(a.phoneNumberId)).toEqual(LATE);
      expect(await haltPhoneNumber(m(), a.tenantId, a.phoneNumberId, LATER)).toBe(true);
      expect(await haltedUntil(a.phoneNumberId)).toEqual(LATER);
    });

    it("never halts another tenant's number", async () => {
      const before = await haltedUntil(b.phoneNumberId);
      expect(await haltPhoneNumber(m(), a.tenantId, b.phoneNumberId, LATER)).toBe(false);
      expect(await haltPhoneNumber(m(), a.tenantId, '00000000-0000-4000-8000-000000000000', LATER)).toBe(false);
      expect(await haltedUntil(b.phoneNumberId)).toEqual(before);
    });
  });

  describe('markTemplateStatusFromError', () => {
    it('records the new status once, with its history row', async () => {
      const bTemplate = await template(b);
      const bHistory = await history(b);
      const historyBefore = await history(a);
      expect((await template(a)).status).toBe('APPROVED');

      expect(await markTemplateStatusFromError(m(), a.tenantId, templateKey(a), 'PAUSED', EARLY, 'Meta error 132015')).toBe(true);
      expect((await template(a)).status).toBe('PAUSED');
      expect(await history(a)).toEqual([...historyBefore, { kind: 'STATUS', previousValue: 'APPROVED', newValue: 'PAUSED', reason: 'Meta error 132015', occurredAt: EARLY }]);

      expect(await markTemplateStatusFromError(m(), a.tenantId, templateKey(a), 'PAUSED', LATE, 'Meta error 132015 again')).toBe(false);
      expect((await template(a)).status).toBe('PAUSED');
      expect(await history(a)).toHaveLength(historyBefore.length + 1);

      expect(await markTemplateStatusFromError(m(), a.tenantId, templateKey(a), 'DISABLED', LATER, 'Meta error 132016')).toBe(true);
      expect((await template(a)).status).toBe('DISABLED');
      expect((await history(a)).at(-1)).toEqual({ kind: 'STATUS', previousValue: 'PAUSED', newValue: 'DISABLED', reason: 'Meta error 132016', occurredAt: LATER });

      expect(await template(b)).toEqual(bTemplate);
      expect(await history(b)).toEqual(bHistory);
    });

    it("never changes another tenant's template, nor an unknown one", async () => {
      const bTemplate = await template(b);
      const bHistory = await history(b);
      expect(await markTemplateStatusFromError(m(), a.tenantId, templateKey(b), 'PAUSED', EARLY, 'x')).toBe(false);
      expect(await markTemplateStatusFromError(m(), a.tenantId, { ...templateKey(a), language: 'en_US' }, 'PAUSED', EARLY, 'x')).toBe(false);
      expect(await markTemplateStatusFromError(m(), a.tenantId, { ...templateKey(a), name: 'unknown_template' }, 'PAUSED', EARLY, 'x')).toBe(false);
      expect(await template(b)).toEqual(bTemplate);
      expect(await history(b)).toEqual(bHistory);
      const [row] = await db.dataSource.query<{ count: string }[]>('SELECT count(*) FROM template_history WHERE tenant_id = $1 AND template_id = $2', [a.tenantId, b.templateId]);
      expect(row?.count).toBe('0');
    });
  });
});
