import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { seedTenant, type SeededTenant } from '../test/seed';
import { saveWaba } from './account.repository';
import { findTemplate, findTemplateByMetaId, listTemplateHistory, listTemplates, saveTemplate, type TemplateInput } from './template.repository';

const at = new Date('2026-03-01T00:00:00Z');

describe('templates', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  let secondWabaId: string;
  const m = () => db.dataSource.manager;

  const template = (input: Partial<TemplateInput>): TemplateInput => ({
    wabaId: a.wabaId, name: 'order_update', language: 'pt_BR', category: 'UTILITY', status: 'APPROVED', components: [], ...input,
  });

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource);
    b = await seedTenant(db.dataSource);
    secondWabaId = (await saveWaba(m(), a.tenantId, { metaWabaId: 'waba-second', name: 'Second' })).id;
  });

  afterAll(() => db.close());

  it('keys templates by WABA, name and language, never by name alone', async () => {
    const ptBr = await saveTemplate(m(), a.tenantId, template({}), { at });
    const enUs = await saveTemplate(m(), a.tenantId, template({ language: 'en_US' }), { at });
    const second = await saveTemplate(m(), a.tenantId, template({ wabaId: secondWabaId, status: 'PENDING' }), { at });
    expect(new Set([ptBr.id, enUs.id, second.id]).size).toBe(3);
    expect((await findTemplate(m(), a.tenantId, { wabaId: a.wabaId, name: 'order_update', language: 'en_US' }))?.id).toBe(enUs.id);
    expect(await findTemplate(m(), a.tenantId, { wabaId: secondWabaId, name: 'order_update', language: 'pt_BR' })).toMatchObject({ id: second.id, status: 'PENDING' });
    expect(await findTemplate(m(), a.tenantId, { wabaId: secondWabaId, name: 'order_update', language: 'en_US' })).toBeNull();
  });

  it("lists the tenant's templates by name and language, or one WABA's", async () => {
    const all = await listTemplates(m(), a.tenantId);
    expect(all.map((t) => [t.name, t.language])).toEqual([
      ['order_update', 'en_US'], ['order_update', 'pt_BR'], ['order_update', 'pt_BR'], [a.templateName, 'pt_BR'],
    ]);
    const tied = all.slice(1, 3);
    expect(tied.map((t) => t.id)).toEqual(tied.map((t) => t.id).sort());
    expect(new Set(tied.map((t) => t.wabaId))).toEqual(new Set([a.wabaId, secondWabaId]));
    expect((await listTemplates(m(), a.tenantId, secondWabaId)).map((t) => [t.name, t.language])).toEqual([['order_update', 'pt_BR']]);
    expect((await listTemplates(m(), b.tenantId)).map((t) => t.id)).toEqual([b.templateId]);
    expect(await listTemplates(m(), b.tenantId, a.wabaId)).toEqual([]);
  });

  it('finds a template by its Meta id, for its own tenant only', async () => {
    expect((await findTemplateByMetaId(m(), a.tenantId, a.metaTemplateId))?.id).toBe(a.templateId);
    expect(await findTemplateByMetaId(m(), b.tenantId, a.metaTemplateId)).toBeNull();
    expect(await findTemplateByMetaId(m(), a.tenantId, '0')).toBeNull();
  });

  it('shows no template or history of a tenant to another tenant', async () => {
    expect(await findTemplate(m(), b.tenantId, { wabaId: a.wabaId, name: a.templateName, language: 'pt_BR' })).toBeNull();
    expect(await listTemplateHistory(m(), b.tenantId, a.templateId)).toEqual([]);
    expect((await listTemplateHistory(m(), a.tenantId, a.templateId)).map((h) => h.kind)).toEqual(['STATUS', 'CATEGORY', 'QUALITY']);
  });
});
