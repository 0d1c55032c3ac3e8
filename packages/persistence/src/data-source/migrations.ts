import type { DataSource } from 'typeorm';

/** Applies every pending migration, each in its own transaction; returns their names. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/** Reverts every applied migration, newest first (tests and local resets only). */
export async function revertAll(dataSource: DataSource): Promise<number> {
  let reverted = 0;
  while (await hasAppliedMigrations(dataSource)) {
    await dataSource.undoLastMigration({ transaction: 'each' });
    reverted += 1;
  }
  return reverted;
}

async function hasAppliedMigrations(dataSource: DataSource): Promise<boolean> {
  const exists = await dataSource.query<{ exists: boolean }[]>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`);
  if (!exists[0]?.exists) return false;
  const rows = await dataSource.query<{ count: string }[]>('SELECT count(*) AS count FROM schema_migrations');
  return Number(rows[0]?.count ?? 0) > 0;
}
