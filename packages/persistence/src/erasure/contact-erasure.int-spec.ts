import { randomBytes } from 'node:crypto';
import { inTransaction } from '../data-source/db';
import { writeOutboxEvents } from '../outbox/outbox.writer';
import { appendConsent, getCurrentConsent, listConsentRecords } from '../repositories/consent.repository';
import { createContact, getContact } from '../repositories/contact.repository';
import { insertMessage } from '../repositories/message.repository';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { seedTenant, type SeededTenant } from '../test/seed';
import { eraseContact, subjectDigest } from './contact.erasure';

const digestKey = randomBytes(32);
const WA_ID = '5511987650001';
const NAME = 'Joana Pereira da Silva';
const BODY = 'my address is Rua das Flores 42';

async function databaseText(db: MigratedDatabase): Promise<string> {
  const tables = await db.dataSource.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const dumps = await Promise.all(tables.map(({ table_name }) => db.dataSource.query<{ row: string }[]>(`SELECT t::text AS row FROM "${table_name}" t`)));
  return dumps.flat().map((dump) => dump.row).join('\n');
}

describe('contact erasure', () => {
  let db: MigratedDatabase;
  let t: SeededTenant;
  let contactId: string;

  beforeAll(async () => {
    db = await openMigratedPostgres();
    t = await seedTenant(db.dataSource);
    await inTransaction(db.dataSource, async (tx) => {
      const contact = await createContact(tx, t.tenantId, { waId: WA_ID, phoneNumber: WA_ID, businessScopedUserId: 'BR.joana', profileName: NAME, locale: 'pt_BR', attributes: { email: 'joana@example.com' } });
      contactId = contact.id;
      await appendConsent(tx, t.tenantId, { contactId, action: 'OPT_IN', scope: 'ALL', source: 'WEBSITE_FORM', proof: { text: `I, ${NAME}, agree`, url: 'https://acme.example/form/1' }, actor: 'contact', occurredAt: new Date('2026-01-01T00:00:00Z') });
      await appendConsent(tx, t.tenantId, { contactId, action: 'OPT_OUT', scope: 'MARKETING', source: 'INBOUND_KEYWORD', proof: { text: 'PARAR' }, actor: 'contact', occurredAt: new Date('2026-02-01T00:00:00Z') });
      await insertMessage(tx, t.tenantId, { phoneNumberId: t.phoneNumberId, contactId, direction: 'INBOUND', type: 'text', status: 'RECEIVED', content: { text: { body: BODY } }, wamid: 'wamid.in.1' });
      await insertMessage(tx, t.tenantId, { phoneNumberId: t.phoneNumberId, contactId, direction: 'OUTBOUND', type: 'template', status: 'FAILED', templateParameters: { body: [NAME] }, metaError: { code: 131026, message: `cannot reach ${WA_ID}` }, metaErrorCode: 131026, commandId: 'erase-cmd' });
      await writeOutboxEvents(tx, [{ tenantId: t.tenantId, topic: 'recado.inbound.v1', key: `${t.phoneNumberId}:${WA_ID}`, payload: { profileName: NAME } }]);
    });
  });

  afterAll(() => db.close());

  it('leaves no personal data of the contact anywhere in the database', async () => {
    const before = await databaseText(db);
    for (const pii of [WA_ID, NAME, BODY, 'joana@example.com', 'BR.joana']) expect(before).toContain(pii);

    const report = await inTransaction(db.dataSource, (tx) => eraseContact(tx, t.tenantId, contactId, new Date('2026-06-01T00:00:00Z'), digestKey));
    expect(report).toEqual({ contactId, messagesScrubbed: 2, consentProofsPseudonymised: 2, outboxEventsDropped: 1 });

    const after = await databaseText(db);
    for (const pii of [WA_ID, NAME, BODY, 'joana@example.com', 'BR.joana', 'https://acme.example/form/1']) expect(after).not.toContain(pii);
  });

  it('keeps counts, statuses and a pseudonymous consent history provable by the data subject', async () => {
    const m = db.dataSource.manager;
    const messages = await m.query<{ status: string; meta_error_code: number | null }[]>(`SELECT status, meta_error_code FROM messages WHERE contact_id = $1 ORDER BY status`, [contactId]);
    expect(messages).toEqual([{ status: 'FAILED', meta_error_code: 131026 }, { status: 'RECEIVED', meta_error_code: null }]);
    const ledger = await listConsentRecords(m, t.tenantId, contactId);
    expect(ledger.map((r) => [r.action, r.scope, r.source])).toEqual([['OPT_IN', 'ALL', 'WEBSITE_FORM'], ['OPT_OUT', 'MARKETING', 'INBOUND_KEYWORD']]);
    expect(ledger.every((r) => r.proof['erased'] === true && typeof r.proof['sha256'] === 'string')).toBe(true);
    expect((await getCurrentConsent(m, t.tenantId, contactId)).find((c) => c.category === 'MARKETING')?.status).toBe('OPTED_OUT');
    const contact = await getContact(m, t.tenantId, contactId);
    expect(contact).toMatchObject({ waId: null, profileName: null, attributes: {}, erasedAt: new Date('2026-06-01T00:00:00Z') });
    expect(contact?.subjectDigest).toBe(subjectDigest(digestKey, t.tenantId, WA_ID));
  });

  it('is a no-op when repeated, and leaves the ledger append-only afterwards', async () => {
    const again = await inTransaction(db.dataSource, (tx) => eraseContact(tx, t.tenantId, contactId, new Date('2026-07-01T00:00:00Z'), digestKey));
    expect(again).toEqual({ contactId, messagesScrubbed: 0, consentProofsPseudonymised: 0, outboxEventsDropped: 0 });
    expect((await getContact(db.dataSource.manager, t.tenantId, contactId))?.erasedAt).toEqual(new Date('2026-06-01T00:00:00Z'));
    await expect(inTransaction(db.dataSource, (tx) => tx.query(`UPDATE consent_records SET proof = '{}' WHERE contact_id = $1`, [contactId]))).rejects.toThrow(/append-only/);
  });

  it("refuses to erase another tenant's contact", async () => {
    const other = await seedTenant(db.dataSource);
    await expect(inTransaction(db.dataSource, (tx) => eraseContact(tx, other.tenantId, contactId, new Date(), digestKey))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
