import { createTestDatabase } from '@recado/testing';
import type { DataSource, Logger } from 'typeorm';
import { createDataSource } from '../data-source/data-source.factory';
import { runMigrations } from '../data-source/migrations';

export interface MigratedDatabase {
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database with the real migrations applied (never synchronize). */
export async function openMigratedPostgres(options: { poolSize?: number; logger?: Logger } = {}): Promise<MigratedDatabase> {
  const database = await createTestDatabase();
  const dataSource = await createDataSource({ kind: 'postgres', url: database.url, ...options });
  await runMigrations(dataSource);
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** An in-memory PGlite with the same migrations. */
export async function openMigratedPglite(options: { logger?: Logger } = {}): Promise<MigratedDatabase> {
  const dataSource = await createDataSource({ kind: 'pglite', ...options });
  await runMigrations(dataSource);
  return { dataSource, close: () => dataSource.destroy() };
}
