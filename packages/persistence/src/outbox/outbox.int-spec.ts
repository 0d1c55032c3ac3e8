import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { inTransaction } from '../data-source/db';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { claimOutboxEvents } from './outbox.claim';
import { relayOutboxOnce, type OutboxEvent } from './outbox.relay';
import { runOutboxRelay } from './outbox-relay.runner';
import { writeOutboxEvents, type NewOutboxEvent } from './outbox.writer';

const events = (count: number, keys: number, topic = 'recado.test.v1'): NewOutboxEvent[] =>
  Array.from({ length: count }, (_, index) => ({ tenantId: null, topic, key: `key-${index % keys}`, payload: { index } }));

async function pending(db: MigratedDatabase): Promise<number> {
  const rows = await db.dataSource.query<{ count: string }[]>(`SELECT count(*) AS count FROM outbox_events`);
  return Number(rows[0]?.count);
}

async function drain(db: MigratedDatabase, publish: (batch: readonly OutboxEvent[]) => Promise<void>): Promise<void> {
  while ((await relayOutboxOnce(db.dataSource, publish, { maxKeys: 7, maxEvents: 40 })) > 0);
}

describe('outbox', () => {
  let db: MigratedDatabase;

  beforeAll(async () => {
    db = await openMigratedPostgres({ poolSize: 6 });
  });

  afterAll(() => db.close());

  afterEach(async () => {
    await db.dataSource.query('DELETE FROM outbox_events');
  });

  it('keeps events only when the transaction that wrote them commits', async () => {
    await expect(
      inTransaction(db.dataSource, async (tx) => {
        await writeOutboxEvents(tx, events(3, 1));
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await pending(db)).toBe(0);
    await inTransaction(db.dataSource, (tx) => writeOutboxEvents(tx, events(3, 1)));
    expect(await pending(db)).toBe(3);
  });

  it('publishes with two concurrent relays: nothing lost, nothing twice, order kept per key', async () => {
    await inTransaction(db.dataSource, (tx) => writeOutboxEvents(tx, events(1500, 40)));
    const published: { relay: string; event: OutboxEvent }[] = [];
    const relay = (name: string) => async (batch: readonly OutboxEvent[]): Promise<void> => {
      for (const event of batch) {
        published.push({ relay: name, event });
        if (Number(event.id) % 50 === 0) await delay(1);
      }
    };
    await Promise.all([drain(db, relay('a')), drain(db, relay('b'))]);

    const ids = published.map(({ event }) => Number(event.id));
    expect(ids).toHaveLength(1500);
    expect(new Set(ids).size).toBe(1500);
    expect(new Set(published.map(({ relay: name }) => name))).toEqual(new Set(['a', 'b']));
    const byKey = new Map<string, number[]>();
    for (const { event } of published) byKey.set(event.key, [...(byKey.get(event.key) ?? []), (JSON.parse(event.payloadJson) as { index: number }).index]);
    for (const indexes of byKey.values()) expect(indexes).toEqual([...indexes].sort((x, y) => x - y));
    expect(await pending(db)).toBe(0);
  });

  it('leaves the events pending when publishing fails, records the error, and publishes them on the next round', async () => {
    await inTransaction(db.dataSource, (tx) => writeOutboxEvents(tx, events(10, 2)));
    await expect(relayOutboxOnce(db.dataSource, () => Promise.reject(new Error('broker down')))).rejects.toThrow('broker down');
    expect(await pending(db)).toBe(10);
    const failed = await db.dataSource.query<{ attempts: number; last_error: string }[]>(`SELECT attempts, last_error FROM outbox_events LIMIT 1`);
    expect(failed[0]).toEqual({ attempts: 1, last_error: 'Error: broker down' });

    const published: OutboxEvent[] = [];
    await drain(db, async (batch) => void published.push(...batch));
    expect(published.map((event) => (JSON.parse(event.payloadJson) as { index: number }).index).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await pending(db)).toBe(0);
  });

  it('lets another relay take over the events of a relay that died holding them, once its claim lapses', async () => {
    await inTransaction(db.dataSource, (tx) => writeOutboxEvents(tx, events(4, 2)));
    const claimed = await inTransaction(db.dataSource, (tx) => claimOutboxEvents(tx, randomUUID(), { maxKeys: 10, maxEvents: 10, leaseMs: 300 }));
    expect(claimed).toHaveLength(4);
    const published: OutboxEvent[] = [];
    const publish = async (batch: readonly OutboxEvent[]): Promise<void> => void published.push(...batch);
    expect(await relayOutboxOnce(db.dataSource, publish)).toBe(0);
    await delay(350);
    expect(await relayOutboxOnce(db.dataSource, publish)).toBe(4);
    expect(published.map((event) => event.id)).toEqual(claimed.map((event) => event.id));
  });

  it('lets publish use the database: no transaction is held while publishing', async () => {
    await inTransaction(db.dataSource, (tx) => writeOutboxEvents(tx, events(2, 1)));
    const published = await relayOutboxOnce(db.dataSource, async (batch) => {
      await db.dataSource.query(`UPDATE outbox_events SET headers = '{"seen":"yes"}' WHERE id = $1`, [batch[0]?.id]);
    });
    expect(published).toBe(2);
  });

  it('deletes the events it has published and keeps the others', async () => {
    await inTransaction(db.dataSource, (tx) => writeOutboxEvents(tx, events(3, 3)));
    const published: OutboxEvent[] = [];
    await relayOutboxOnce(db.dataSource, async (batch) => void published.push(...batch), { maxKeys: 2 });
    const left = await db.dataSource.query<{ key: string }[]>(`SELECT key FROM outbox_events`);
    expect(published.map((event) => event.key)).toEqual(['key-0', 'key-1']);
    expect(left).toEqual([{ key: 'key-2' }]);
  });

  it('runs until aborted, reporting failures and retrying', async () => {
    await inTransaction(db.dataSource, (tx) => writeOutboxEvents(tx, events(5, 1)));
    const controller = new AbortController();
    const errors: unknown[] = [];
    const published: string[] = [];
    let calls = 0;
    const running = runOutboxRelay({
      dataSource: db.dataSource,
      signal: controller.signal,
      idleMs: 5,
      onError: (error) => errors.push(error),
      publish: async (batch) => {
        calls += 1;
        if (calls === 1) throw new Error('first call fails');
        published.push(...batch.map((event) => event.id));
        if ((await pending(db)) - batch.length === 0) controller.abort();
      },
    });
    await running;
    expect(errors).toHaveLength(1);
    expect(published).toHaveLength(5);
  });
});
