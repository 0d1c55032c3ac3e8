import { randomUUID } from 'node:crypto';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth } from '../test/nth';
import { seedTenant, type SeededTenant } from '../test/seed';
import { createContact, findContactByWaId, findContactsByIds, getContact, updateContact, type ContactInput } from './contact.repository';

const JOANA: ContactInput = {
  waId: '5511987650001', phoneNumber: '5511987650001', businessScopedUserId: 'BR.joana', profileName: 'Joana',
  locale: 'pt_BR', timeZone: 'America/Sao_Paulo', attributes: { plan: 'gold' },
};

describe('contacts', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  let joanaId: string;
  const m = () => db.dataSource.manager;

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource);
    b = await seedTenant(db.dataSource);
  });

  afterAll(() => db.close());

  it('creates a contact and reads it back by id and by wa_id', async () => {
    const created = await createContact(m(), a.tenantId, JOANA);
    joanaId = created.id;
    const read = await getContact(m(), a.tenantId, joanaId);
    expect(read).toMatchObject({ ...JOANA, id: joanaId, tenantId: a.tenantId, undeliverableSince: null, marketingHeldUntil: null, erasedAt: null });
    expect((await findContactByWaId(m(), a.tenantId, '5511987650001'))?.id).toBe(joanaId);
  });

  it("reads none of a tenant's contacts through another tenant", async () => {
    expect(await getContact(m(), b.tenantId, joanaId)).toBeNull();
    expect(await findContactByWaId(m(), b.tenantId, '5511987650001')).toBeNull();
    expect(await getContact(m(), a.tenantId, randomUUID())).toBeNull();
  });

  it('lets two tenants hold the same wa_id as separate contacts, but not one tenant twice', async () => {
    const other = await createContact(m(), b.tenantId, { waId: '5511987650001', profileName: 'Joana B' });
    expect(other.id).not.toBe(joanaId);
    expect((await findContactByWaId(m(), b.tenantId, '5511987650001'))?.profileName).toBe('Joana B');
    await expect(createContact(m(), a.tenantId, { waId: '5511987650001' })).rejects.toThrow(/uq_contacts_tenant_wa_id/);
  });

  it('refuses a wa_id that is not E.164 digits', async () => {
    await expect(createContact(m(), a.tenantId, { waId: '+55 11 98765-0002' })).rejects.toThrow(/ck_contacts_wa_id/);
  });

  it('finds contacts by ids, leaving out ids of other tenants and unknown ids', async () => {
    const found = await findContactsByIds(m(), a.tenantId, [...a.contactIds, joanaId, nth(b.contactIds, 0), randomUUID()]);
    expect(found.map((c) => c.id).sort()).toEqual([...a.contactIds, joanaId].sort());
    expect(found.every((c) => c.tenantId === a.tenantId)).toBe(true);
    expect(await findContactsByIds(m(), a.tenantId, [])).toEqual([]);
  });

  it('updates only the patched fields', async () => {
    const heldUntil = new Date('2026-07-01T00:00:00Z');
    expect(await updateContact(m(), a.tenantId, joanaId, { locale: 'en_US', marketingHeldUntil: heldUntil })).toBe(true);
    expect(await getContact(m(), a.tenantId, joanaId)).toMatchObject({ locale: 'en_US', marketingHeldUntil: heldUntil, profileName: 'Joana', attributes: { plan: 'gold' } });
    expect(await updateContact(m(), a.tenantId, randomUUID(), { locale: 'es' })).toBe(false);
  });

  it('changes nothing when another tenant patches the contact', async () => {
    expect(await updateContact(m(), b.tenantId, joanaId, { profileName: 'hijacked', attributes: {} })).toBe(false);
    expect(await getContact(m(), a.tenantId, joanaId)).toMatchObject({ profileName: 'Joana', attributes: { plan: 'gold' } });
  });
});
