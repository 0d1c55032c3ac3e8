import { randomBytes } from 'node:crypto';
import { upsertContacts } from '../bulk/contact.bulk';
import { loadDispatchFacts } from '../bulk/dispatch-facts.loader';
import { insertMessages } from '../bulk/message.bulk';
import { eraseContact } from '../erasure/contact.erasure';
import { relayOutboxOnce, type OutboxEvent } from '../outbox/outbox.relay';
import { writeOutboxEvents } from '../outbox/outbox.writer';
import { getAccessToken, listPhoneNumbers } from '../repositories/account.repository';
import { getCurrentConsent } from '../repositories/consent.repository';
import { getContact, listContactsPage } from '../repositories/contact.repository';
import { keyRing } from '../secrets/token-cipher';
import { openMigratedPglite, type MigratedDatabase } from '../test/migrated-database';
import { nth } from '../test/nth';
import { QueryCounter } from '../test/query-counter';
import { seedTenant, type SeededTenant } from '../test/seed';
import { inTransaction } from './db';

const ring = keyRing('k1', new Map([['k1', randomBytes(32)]]));

/** The same data functions on embedded PGlite: one session, so transactions take turns. */
describe('the data layer on PGlite', () => {
  const counter = new QueryCounter();
  let db: MigratedDatabase;
  let t: SeededTenant;

  beforeAll(async () => {
    db = await openMigratedPglite({ logger: counter });
    t = await seedTenant(db.dataSource, { ring, contacts: 3 });
  });

  afterAll(() => db.close());

  it('reads back what it wrote, with the same types as on PostgreSQL', async () => {
    const m = db.dataSource.manager;
    const contact = await getContact(m, t.tenantId, nth(t.contactIds, 0));
    expect(contact?.createdAt).toBeInstanceOf(Date);
    expect(contact?.attributes).toEqual({ tag: expect.any(String) as string });
    expect(await getAccessToken(m, t.tenantId, t.wabaId, ring)).toMatch(/^token-/);
    expect((await getCurrentConsent(m, t.tenantId, nth(t.contactIds, 0))).map((c) => c.recordId)).toEqual(['1', '1', '1']);
    await expect(m.query('DELETE FROM consent_records')).rejects.toThrow(/append-only/);
  });

  it('runs the bulk paths in the same constant number of queries', async () => {
    const m = db.dataSource.manager;
    const ids = await upsertContacts(m, t.tenantId, Array.from({ length: 50 }, (_, i) => ({ waId: `5541${String(i).padStart(9, '0')}` })));
    const phone = nth(await listPhoneNumbers(m, t.tenantId), 0);
    const rows = [...ids.values()].map((contactId, i) => ({
      phoneNumberId: phone.id, contactId, direction: 'OUTBOUND' as const, type: 'text', status: 'PENDING' as const, commandId: `pg-${i}`,
    }));
    expect((await insertMessages(m, t.tenantId, rows)).inserted.size).toBe(50);
    const { result, queries } = await counter.measure(() =>
      loadDispatchFacts(m, t.tenantId, [...ids.keys()].map((waId, i) => ({ commandId: `pg-${i}`, metaPhoneNumberId: phone.metaPhoneNumberId, waId })), new Date(0)),
    );
    expect(queries).toBe(7);
    expect(result.contacts.size).toBe(50);
    expect(result.existingCommands.size).toBe(50);
    const page = await listContactsPage(m, t.tenantId, { first: 10 });
    expect((await listContactsPage(m, t.tenantId, { first: 100, after: page.pageInfo.endCursor })).edges).toHaveLength(53 - 10);
  });

  it('relays the outbox in order with two relays taking turns on the one session', async () => {
    await inTransaction(db.dataSource, (tx) =>
      writeOutboxEvents(tx, Array.from({ length: 30 }, (_, i) => ({ tenantId: null, topic: 't', key: `k${i % 4}`, payload: { i } }))),
    );
    const published: OutboxEvent[] = [];
    const drain = async (): Promise<void> => {
      const publish = async (batch: readonly OutboxEvent[]): Promise<void> => {
        await db.dataSource.query('SELECT 1'); // the session is free while publishing
        published.push(...batch);
      };
      while ((await relayOutboxOnce(db.dataSource, publish, { maxKeys: 2, maxEvents: 5 })) > 0);
    };
    await Promise.all([drain(), drain()]);
    expect(published.map((e) => e.id).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 31 }, (_, i) => String(i + 1)));
    for (const key of ['k0', 'k1', 'k2', 'k3']) {
      const order = published.filter((e) => e.key === key).map((e) => Number(e.id));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('erases a contact', async () => {
    const contactId = nth(t.contactIds, 0);
    const report = await inTransaction(db.dataSource, (tx) => eraseContact(tx, t.tenantId, contactId, new Date(), randomBytes(32)));
    expect(report.consentProofsPseudonymised).toBe(1);
    expect(await getContact(db.dataSource.manager, t.tenantId, contactId)).toMatchObject({ waId: null, profileName: null });
  });
});
