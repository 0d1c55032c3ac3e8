import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth, present } from '../test/nth';
import { QueryCounter } from '../test/query-counter';
import { seedTenant, type SeededTenant } from '../test/seed';
import { upsertContacts } from './contact.bulk';
import { loadDispatchFacts } from './dispatch-facts.loader';
import { pairKey } from './fact-keys';
import { insertMessages, type BulkMessageInput } from './message.bulk';

const ROWS = 100_000;
const COMMANDS = 500;
// Each 100k-row statement takes seconds alone, longer beside the other suites.
const SLOW_MS = 180_000;

/** The bulk paths in single calls of 100k rows, counted in statements. */
describe(`bulk paths with ${ROWS} rows a call`, () => {
  const counter = new QueryCounter();
  let db: MigratedDatabase;
  let t: SeededTenant;
  let metaPhoneNumberId: string;
  let ids: Map<string, string>;
  const m = () => db.dataSource.manager;
  const waId = (n: number): string => String(5521900000000 + n);
  const numbers = Array.from({ length: ROWS }, (_, n) => n);

  beforeAll(async () => {
    db = await openMigratedPostgres({ logger: counter });
    t = await seedTenant(db.dataSource);
    const rows = await db.dataSource.query<{ meta_phone_number_id: string }[]>('SELECT meta_phone_number_id FROM phone_numbers WHERE id = $1', [t.phoneNumberId]);
    metaPhoneNumberId = nth(rows, 0).meta_phone_number_id;
  });

  afterAll(() => db.close());

  it('creates 100k contacts in one statement', async () => {
    const { result, queries } = await counter.measure(() => upsertContacts(m(), t.tenantId, numbers.map((n) => ({ waId: waId(n), profileName: `C${n}` }))));
    ids = result;
    expect(queries).toBe(1);
    expect(new Set(ids.values()).size).toBe(ROWS);
  }, SLOW_MS);

  it('updates the same 100k contacts in one statement, keeping their ids', async () => {
    const { result, queries } = await counter.measure(() => upsertContacts(m(), t.tenantId, numbers.map((n) => ({ waId: waId(n), attributes: { batch: 2 } }))));
    expect(queries).toBe(1);
    expect([...result.entries()].every(([key, id]) => ids.get(key) === id)).toBe(true);
    const sample = await m().query<{ profile_name: string; attributes: object }[]>(`SELECT profile_name, attributes FROM contacts WHERE tenant_id = $1 AND wa_id = $2`, [t.tenantId, waId(77_777)]);
    expect(sample).toEqual([{ profile_name: 'C77777', attributes: { batch: 2 } }]);
  }, SLOW_MS);

  it('inserts 100k messages in two statements, and skips all of them when redelivered', async () => {
    const rows: BulkMessageInput[] = numbers.map((n) => ({
      phoneNumberId: t.phoneNumberId, contactId: present(ids.get(waId(n))), direction: 'OUTBOUND', type: 'template', status: 'SENT',
      commandId: `scale-${n}`, templateName: t.templateName, templateLanguage: 'pt_BR', pricingCategory: 'MARKETING', sentAt: new Date(),
    }));
    const first = await counter.measure(() => insertMessages(m(), t.tenantId, rows));
    expect(first.queries).toBe(2);
    expect(first.result.inserted.size).toBe(ROWS);
    const again = await counter.measure(() => insertMessages(m(), t.tenantId, rows));
    expect(again.queries).toBe(2);
    expect(again.result.inserted.size).toBe(0);
    expect(again.result.duplicates).toHaveLength(ROWS);
  }, SLOW_MS);

  it(`loads the facts of ${COMMANDS} commands among them in seven statements`, async () => {
    const picked = Array.from({ length: COMMANDS }, (_, i) => i * 199);
    const { result: facts, queries } = await counter.measure(() =>
      loadDispatchFacts(m(), t.tenantId, picked.map((n) => ({
        commandId: `scale-${n}`, metaPhoneNumberId, waId: waId(n), template: { name: t.templateName, language: 'pt_BR' },
      })), new Date(Date.now() - 3600_000)),
    );
    expect(queries).toBe(7);
    expect(facts.contacts.size).toBe(COMMANDS);
    expect(facts.existingCommands.size).toBe(COMMANDS);
    expect(facts.recentSends.size).toBe(COMMANDS);
    const contactId = present(ids.get(waId(nth(picked, 3))));
    expect(facts.recentSends.get(pairKey(t.phoneNumberId, contactId))?.map((send) => send.category)).toEqual(['MARKETING']);
    expect(facts.existingCommands.get(`scale-${nth(picked, 3)}`)).toMatchObject({ status: 'SENT', callStarted: false });
  });
});
