import { Client } from 'pg';
import { assertPostgresReachable, createTestDatabase, dropStaleTestDatabases, postgresAdminUrl, type TestDatabase } from './postgres';

async function query<T extends object>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const rows = await query(postgresAdminUrl(), 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return rows.length === 1;
}

describe('PostgreSQL test harness', () => {
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });

  afterAll(async () => {
    await Promise.all([first.drop(), second.drop()]);
  });

  it('round-trips a row through a real PostgreSQL', async () => {
    await query(first.url, 'CREATE TABLE greeting (id serial PRIMARY KEY, text text NOT NULL, at timestamptz NOT NULL)');
    const at = new Date('2026-11-23T10:00:00.123Z');
    await query(first.url, 'INSERT INTO greeting (text, at) VALUES ($1, $2)', ['olá, mundo', at]);

    const rows = await query<{ text: string; at: Date }>(first.url, 'SELECT text, at FROM greeting');

    expect(rows).toEqual([{ text: 'olá, mundo', at }]);
  });

  it('gives each suite its own database, invisible to the others', async () => {
    await query(second.url, 'CREATE TABLE only_here (id int)');

    const inFirst = await query(first.url, "SELECT 1 FROM pg_tables WHERE tablename = 'only_here'");
    const inSecond = await query(second.url, "SELECT 1 FROM pg_tables WHERE tablename = 'only_here'");

    expect(first.name).not.toEqual(second.name);
    expect(inFirst).toHaveLength(0);
    expect(inSecond).toHaveLength(1);
  });

  it('drops a database, even with a connection still open', async () => {
    const doomed = await createTestDatabase();
    const lingering = new Client({ connectionString: doomed.url });
    await lingering.connect();
    lingering.on('error', () => undefined);

    await doomed.drop();

    expect(await databaseExists(doomed.name)).toBe(false);
    await lingering.end().catch(() => undefined);
  });

  it('drops databases left by crashed runs, and only old ones', async () => {
    const fresh = await createTestDatabase();
    const sevenHoursAgo = Math.floor(Date.now() / 1000) - 7 * 60 * 60;
    const abandoned = `recado_t_${sevenHoursAgo}_9_deadbeef`;
    await query(postgresAdminUrl(), `CREATE DATABASE "${abandoned}"`);

    const dropped = await dropStaleTestDatabases();

    expect(dropped).toContain(abandoned);
    expect(dropped).not.toContain(fresh.name);
    expect(await databaseExists(abandoned)).toBe(false);
    expect(await databaseExists(fresh.name)).toBe(true);
    await fresh.drop();
  });

  it('says clearly what to do when PostgreSQL is not there', async () => {
    await expect(assertPostgresReachable('postgres://postgres@127.0.0.1:1/postgres')).rejects.toThrow(
      /PostgreSQL is not reachable at postgres:\/\/postgres@127\.0\.0\.1:1\/postgres .*start it .*or set DATABASE_URL/,
    );
  });
});
