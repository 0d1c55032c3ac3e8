import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const TEST_DATABASE_PREFIX = 'recado_t_';
const STALE_AFTER_SECONDS = 6 * 60 * 60;

/** The server tests run against: DATABASE_URL, else the local PostgreSQL. */
export function postgresAdminUrl(): string {
  return process.env['DATABASE_URL'] ?? DEFAULT_URL;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Throws a message that says what to do when the tests' PostgreSQL is not there. */
export async function assertPostgresReachable(url = postgresAdminUrl()): Promise<void> {
  try {
    await withClient(url, (client) => client.query('SELECT 1'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL is not reachable at ${redact(url)} (${reason}). Tests need a real PostgreSQL: ` +
        'start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set DATABASE_URL.',
    );
  }
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh database for one suite, so suites running in parallel never meet. */
export async function createTestDatabase(adminUrl = postgresAdminUrl()): Promise<TestDatabase> {
  const worker = process.env['JEST_WORKER_ID'] ?? '0';
  const name = `${TEST_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${worker}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () => dropDatabase(adminUrl, name),
  };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops test databases left behind by crashed runs (old enough not to belong to a live one). */
export async function dropStaleTestDatabases(adminUrl = postgresAdminUrl(), nowSeconds = Date.now() / 1000): Promise<string[]> {
  const { rows } = await withClient(adminUrl, (client) =>
    client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${TEST_DATABASE_PREFIX}%`]),
  );
  const stale = rows
    .map((row) => row.datname)
    .filter((name) => nowSeconds - Number(name.slice(TEST_DATABASE_PREFIX.length).split('_')[0]) > STALE_AFTER_SECONDS);
  for (const name of stale) await dropDatabase(adminUrl, name);
  return stale;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
