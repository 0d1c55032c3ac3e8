import { randomUUID } from 'node:crypto';
import { getCurrentConsent } from '../repositories/consent.repository';
import { createContact, findContactByWaId } from '../repositories/contact.repository';
import { getConversationState, saveConversationState } from '../repositories/conversation.repository';
import { saveTemplate } from '../repositories/template.repository';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth, present } from '../test/nth';
import { seedTenant, type SeededTenant } from '../test/seed';
import { upsertContacts } from './contact.bulk';
import { loadDispatchFacts, type FactRequest } from './dispatch-facts.loader';
import { pairKey, templateKey } from './fact-keys';
import { insertMessages, type BulkMessageInput } from './message.bulk';

const SINCE = new Date('2026-04-01T00:00:00Z');

describe('dispatch facts, lookup by lookup', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  let metaPhoneNumberId: string;
  const m = () => db.dataSource.manager;

  const request = (input: Partial<FactRequest>): FactRequest => ({ commandId: `cmd-${randomUUID()}`, metaPhoneNumberId, ...input });
  const row = (input: Partial<BulkMessageInput>): BulkMessageInput => ({
    phoneNumberId: a.phoneNumberId, contactId: nth(a.contactIds, 1), direction: 'OUTBOUND', type: 'template', status: 'SENT', commandId: `row-${randomUUID()}`, ...input,
  });

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource);
    b = await seedTenant(db.dataSource);
    const rows = await db.dataSource.query<{ meta_phone_number_id: string }[]>('SELECT meta_phone_number_id FROM phone_numbers WHERE id = $1', [a.phoneNumberId]);
    metaPhoneNumberId = nth(rows, 0).meta_phone_number_id;
  });

  afterAll(() => db.close());

  it('finds a contact by its business-scoped user id when it has no wa_id', async () => {
    const contact = await createContact(m(), a.tenantId, { businessScopedUserId: 'BR.ana', profileName: 'Ana' });
    const facts = await loadDispatchFacts(m(), a.tenantId, [request({ businessScopedUserId: 'BR.ana' })], SINCE);
    expect(facts.contacts.get('BR.ana')).toMatchObject({ id: contact.id, waId: null, profileName: 'Ana' });
    expect(facts.contacts.size).toBe(1);
  });

  it('reads consents and windows exactly as the repositories do', async () => {
    const contactId = nth(a.contactIds, 0);
    const at = new Date('2026-04-02T10:00:00Z');
    await saveConversationState(m(), a.tenantId, {
      phoneNumberId: a.phoneNumberId, contactId, lastInboundAt: at, closedByMetaAt: null, entryPoint: { referralAt: at.toISOString(), openedAt: null }, reEngagementSentAt: at, updatedAt: at,
    });
    const facts = await loadDispatchFacts(m(), a.tenantId, [request({ waId: nth(a.waIds, 0) }), request({ waId: nth(a.waIds, 0) })], SINCE);
    const consent = await getCurrentConsent(m(), a.tenantId, contactId);
    expect(consent.length).toBeGreaterThan(0);
    expect([...(facts.consent.get(contactId) ?? [])].sort((x, y) => x.category.localeCompare(y.category))).toEqual(consent);
    expect([...facts.conversationStates.values()]).toEqual([await getConversationState(m(), a.tenantId, a.phoneNumberId, contactId)]);
  });

  it('reads contacts exactly as the repository does, by wa_id and by business-scoped user id', async () => {
    const created = await createContact(m(), a.tenantId, {
      waId: '5511912345678', businessScopedUserId: 'BR.bia', profileName: 'Bia', locale: 'pt_BR', timeZone: 'America/Sao_Paulo', attributes: { plan: 'gold' },
    });
    await db.dataSource.query(
      `UPDATE contacts SET undeliverable_since = '2026-05-01T10:00:00Z', marketing_held_until = '2026-06-01T00:00:00Z', subject_digest = 'abc' WHERE id = $1`, [created.id]);
    const facts = await loadDispatchFacts(m(), a.tenantId, [request({ waId: '5511912345678' }), request({ businessScopedUserId: 'BR.bia' })], SINCE);
    const stored = await findContactByWaId(m(), a.tenantId, '5511912345678');
    expect(stored?.undeliverableSince).toEqual(new Date('2026-05-01T10:00:00Z'));
    expect(facts.contacts.get('5511912345678')).toEqual(stored);
    expect(facts.contacts.get('BR.bia')).toEqual(stored);
  });

  it("loads the requested templates whatever their status, and the WABA's approved ones as suggestions", async () => {
    const at = new Date();
    await saveTemplate(m(), a.tenantId, { wabaId: a.wabaId, name: 'paused', language: 'pt_BR', category: 'MARKETING', status: 'PAUSED', components: [] }, { at });
    await saveTemplate(m(), a.tenantId, { wabaId: a.wabaId, name: 'rejected', language: 'pt_BR', category: 'MARKETING', status: 'REJECTED', components: [] }, { at });
    await saveTemplate(m(), a.tenantId, { wabaId: a.wabaId, name: 'paused', language: 'en_US', category: 'MARKETING', status: 'PAUSED', components: [] }, { at });
    const facts = await loadDispatchFacts(m(), a.tenantId, [request({ waId: nth(a.waIds, 0), template: { name: 'paused', language: 'pt_BR' } })], SINCE);
    expect([...facts.templates.keys()].sort()).toEqual([templateKey(a.wabaId, 'paused', 'pt_BR'), templateKey(a.wabaId, a.templateName, 'pt_BR')].sort());
    expect(facts.templates.get(templateKey(a.wabaId, 'paused', 'pt_BR'))?.status).toBe('PAUSED');
  });

  it('counts as recent sends only outbound messages that went or are going out since the given time', async () => {
    const contactId = nth(a.contactIds, 1);
    const sentAt = new Date('2026-05-01T10:00:00Z');
    await insertMessages(m(), a.tenantId, [row({ status: 'DELIVERED', pricingCategory: 'SERVICE' })]);
    // Before SINCE: the seeded message of this pair and the one just written.
    await db.dataSource.query(`UPDATE messages SET created_at = '2026-03-01' WHERE contact_id = $1`, [contactId]);
    await insertMessages(m(), a.tenantId, [
      row({ status: 'SENT', sentAt, pricingCategory: 'MARKETING', templateName: 'promo' }),
      row({ status: 'HELD', heldAt: new Date('2026-05-01T11:00:00Z'), pricingCategory: 'UTILITY' }),
      row({ status: 'FAILED', failedAt: new Date('2026-05-01T12:00:00Z') }),
      row({ status: 'REJECTED' }),
      row({ status: 'RECEIVED', direction: 'INBOUND' }),
    ]);

    const facts = await loadDispatchFacts(m(), a.tenantId, [request({ waId: nth(a.waIds, 1) })], SINCE);
    const recent = present(facts.recentSends.get(pairKey(a.phoneNumberId, contactId)));
    const byCategory = [...recent].sort((x, y) => String(x.category).localeCompare(String(y.category)));
    expect(byCategory.map((send) => [send.category, send.templateName, send.at])).toEqual([
      ['MARKETING', 'promo', sentAt], ['UTILITY', null, new Date('2026-05-01T11:00:00Z')],
    ]);
  });

  it('tells a command already recorded, and whether its Cloud API call was started', async () => {
    const { inserted } = await insertMessages(m(), a.tenantId, [row({ commandId: 'cmd-started', status: 'PENDING' }), row({ commandId: 'cmd-decided', status: 'PENDING' })]);
    await db.dataSource.query(`UPDATE messages SET meta_call_started_at = now() WHERE id = $1`, [inserted.get('cmd-started')]);
    const facts = await loadDispatchFacts(m(), a.tenantId, ['cmd-started', 'cmd-decided', 'cmd-new'].map((commandId) => request({ commandId })), SINCE);
    expect(facts.existingCommands.get('cmd-started')).toEqual({ messageId: inserted.get('cmd-started'), status: 'PENDING', wamid: null, callStarted: true });
    expect(facts.existingCommands.get('cmd-decided')?.callStarted).toBe(false);
    expect(facts.existingCommands.has('cmd-new')).toBe(false);
  });

  it('finds nothing for an unknown number, and nothing of one tenant for another', async () => {
    const unknown = await loadDispatchFacts(m(), a.tenantId, [request({ metaPhoneNumberId: 'pn-unknown', waId: nth(a.waIds, 0), template: { name: a.templateName, language: 'pt_BR' } })], SINCE);
    expect([unknown.phoneNumbers.size, unknown.conversationStates.size, unknown.templates.size, unknown.recentSends.size]).toEqual([0, 0, 0, 0]);
    expect(unknown.contacts.size).toBe(1);
    const foreign = await loadDispatchFacts(m(), b.tenantId, [request({ waId: nth(a.waIds, 0), commandId: nth(a.commandIds, 0) })], SINCE);
    expect(Object.values(foreign).map((facts: ReadonlyMap<string, unknown>) => facts.size)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('bulk writes across tenants', () => {
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

  it("upserts a tenant's contacts without touching another tenant's contact of the same wa_id", async () => {
    const waId = nth(b.waIds, 0);
    const ids = await upsertContacts(m(), a.tenantId, [{ waId, profileName: 'Mine', attributes: { owner: 'a' } }]);
    expect(ids.get(waId)).not.toBe(nth(b.contactIds, 0));
    const rows = await db.dataSource.query<{ tenant_id: string; profile_name: string; attributes: object }[]>(
      `SELECT tenant_id, profile_name, attributes FROM contacts WHERE wa_id = $1 ORDER BY tenant_id = $2 DESC`, [waId, a.tenantId],
    );
    expect(rows).toEqual([
      { tenant_id: a.tenantId, profile_name: 'Mine', attributes: { owner: 'a' } },
      { tenant_id: b.tenantId, profile_name: expect.stringMatching(/^Name /) as string, attributes: { tag: expect.any(String) as string } },
    ]);
  });

  it("refuses a batch with one row on another tenant's contact, number or conversation, and inserts none of it", async () => {
    const own: BulkMessageInput = { phoneNumberId: a.phoneNumberId, contactId: nth(a.contactIds, 0), direction: 'OUTBOUND', type: 'text', status: 'PENDING', commandId: 'bulk-own' };
    for (const stray of [{ contactId: nth(b.contactIds, 0) }, { phoneNumberId: b.phoneNumberId }, { conversationId: b.conversationId }]) {
      await expect(insertMessages(m(), a.tenantId, [own, { ...own, ...stray, commandId: 'bulk-stray' }])).rejects.toMatchObject({ code: 'TENANT_MISMATCH' });
    }
    const rows = await db.dataSource.query<unknown[]>(`SELECT 1 FROM messages WHERE command_id IN ('bulk-own', 'bulk-stray')`);
    expect(rows).toEqual([]);
  });

  it("reports another tenant's command ids as new, not as duplicates", async () => {
    const result = await insertMessages(m(), a.tenantId, [{
      phoneNumberId: a.phoneNumberId, contactId: nth(a.contactIds, 0), direction: 'OUTBOUND', type: 'text', status: 'PENDING', commandId: nth(b.commandIds, 0),
    }]);
    expect([...result.inserted.keys()]).toEqual([nth(b.commandIds, 0)]);
    expect(result.duplicates).toEqual([]);
  });
});
