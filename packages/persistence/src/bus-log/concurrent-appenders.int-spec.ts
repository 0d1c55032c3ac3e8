import type { EmbeddedLog, PartitionedMessage } from '@recado/bus';
import { createTestDatabase, type TestDatabase } from '@recado/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source/data-source.factory';
import { runMigrations } from '../data-source/migrations';
import { createPostgresEmbeddedLog } from './postgres-embedded-log';

const PARTITIONS = 4;
const APPENDS = 60;

/** Append `index` of an appender: one message per partition, listed in the given partition order. */
const appendOf = (appender: string, index: number, order: readonly number[]): PartitionedMessage[] =>
  order.map((partition) => ({ partition, message: { topic: 'shared', key: appender, value: Buffer.from(String(index)), headers: {} } }));

async function appendAll(log: EmbeddedLog, appender: string, order: readonly number[]): Promise<void> {
  for (let index = 0; index < APPENDS; index += 1) await log.append(appendOf(appender, index, order));
}

/** Two processes' worth of appenders: each its own data source (own pool) on one database. */
describe('the PostgreSQL embedded log with appenders on two data sources', () => {
  let database: TestDatabase;
  let first: DataSource;
  let second: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await createDataSource({ kind: 'postgres', url: database.url, poolSize: 4 });
    await runMigrations(first);
    second = await createDataSource({ kind: 'postgres', url: database.url, poolSize: 4 });
  });

  afterAll(async () => {
    await Promise.all([first.destroy(), second.destroy()]);
    await database.drop();
  });

  it('gives dense, unique offsets per partition and keeps each appender in its own order, without deadlocks', async () => {
    const [a, b] = [createPostgresEmbeddedLog(first), createPostgresEmbeddedLog(second)];
    // Opposite partition orders in each append would deadlock if the log locked partitions in the given order.
    await Promise.all([
      appendAll(a, 'a1', [0, 1, 2, 3]), appendAll(a, 'a2', [1, 3, 0, 2]),
      appendAll(b, 'b1', [3, 2, 1, 0]), appendAll(b, 'b2', [2, 0, 3, 1]),
    ]);

    for (let partition = 0; partition < PARTITIONS; partition += 1) {
      const records = await a.read('shared', partition, 0, 10_000);
      expect(records.map((record) => Number(record.offset))).toEqual(Array.from({ length: 4 * APPENDS }, (_, index) => index));
      expect(await b.endOffset('shared', partition)).toBe(4 * APPENDS);
      for (const appender of ['a1', 'a2', 'b1', 'b2']) {
        const sequence = records.filter((record) => record.key === appender).map((record) => Number(record.value.toString()));
        expect(sequence).toEqual(Array.from({ length: APPENDS }, (_, index) => index));
      }
    }
  });

  it('with a watch, tells a listener about appends made through the other data source', async () => {
    const errors: unknown[] = [];
    const watching = createPostgresEmbeddedLog(first, { watch: { intervalMs: 20, onError: (error) => errors.push(error) } });
    let calls = 0;
    const unlisten = watching.onAppend(() => (calls += 1));
    try {
      await waitUntil(() => calls >= 1); // the first look always wakes
      const before = calls;
      await createPostgresEmbeddedLog(second).append(appendOf('remote', 0, [0]));
      await waitUntil(() => calls > before);
    } finally {
      unlisten();
    }
    const afterStop = calls;
    await createPostgresEmbeddedLog(second).append(appendOf('remote', 1, [0]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(afterStop);
    expect(errors).toEqual([]);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
