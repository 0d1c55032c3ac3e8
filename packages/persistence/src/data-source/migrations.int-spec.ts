import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@recado/testing';
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { backendOf, createDataSource, type DataSourceConfig } from './data-source.factory';
import { revertAll, runMigrations } from './migrations';

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1`,
  );
  return rows.map((row) => row.table_name);
}

async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}

const EXPECTED_TABLES = [
  'account_event_log', 'api_keys', 'bus_group_offsets', 'bus_partitions', 'bus_records', 'business_portfolios', 'consent_records', 'contacts',
  'conversation_states', 'conversations', 'current_consents', 'messages', 'outbox_events', 'phone_numbers', 'pricing_reconciliations', 'processed_events',
  'scheduled_sends', 'template_history', 'templates', 'tenants', 'throughput_buckets', 'unrouted_events', 'whatsapp_business_accounts',
];

describe.each(['postgres', 'pglite'] as const)('migrations on %s', (kind) => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  let dataSource: DataSource;

  beforeAll(async () => {
    let config: DataSourceConfig;
    if (kind === 'postgres') {
      database = await createTestDatabase();
      config = { kind, url: database.url, poolSize: 3 };
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'recado-pglite-'));
      config = { kind, dataDir };
    }
    dataSource = await createDataSource(config);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('uses the requested back end', () => {
    expect(backendOf(dataSource)).toBe(kind);
  });

  it('runs every migration up, leaving the schema exactly as the entities describe it', async () => {
    const applied = await runMigrations(dataSource);
    expect(applied).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await tableNames(dataSource)).toEqual(EXPECTED_TABLES);
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('is a no-op when run again', async () => {
    expect(await runMigrations(dataSource)).toEqual([]);
  });

  it('keeps the data when reopened from the same place', async () => {
    await dataSource.query(`INSERT INTO tenants (slug, name) VALUES ('kept', 'Kept')`);
    await dataSource.destroy();
    dataSource = await createDataSource(kind === 'postgres' ? { kind, url: database?.url ?? '' } : { kind, dataDir: dataDir ?? '' });
    expect(await runMigrations(dataSource)).toEqual([]);
    expect(await dataSource.query(`SELECT slug FROM tenants`)).toEqual([{ slug: 'kept' }]);
  });

  it('reverts every migration down to an empty schema, and up again', async () => {
    expect(await revertAll(dataSource)).toBe(MIGRATIONS.length);
    expect(await tableNames(dataSource)).toEqual([]);
    const functions = await dataSource.query<unknown[]>(`SELECT 1 FROM pg_proc WHERE proname = 'consent_records_append_only'`);
    expect(functions).toHaveLength(0);
    await runMigrations(dataSource);
    expect(await tableNames(dataSource)).toEqual(EXPECTED_TABLES);
  });
});
