import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '../migrations';
import { openPgliteDriver } from './pglite.driver';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export type DataSourceConfig =
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number; readonly logger?: Logger }
  /** `dataDir` undefined keeps the database in memory. */
  | { readonly kind: 'pglite'; readonly dataDir?: string; readonly logger?: Logger };

const COMMON = {
  type: 'postgres',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'schema_migrations',
  migrationsTransactionMode: 'each',
  namingStrategy: new SnakeNamingStrategy(),
  // The migrations create everything; gen_random_uuid() is built into PostgreSQL 13+.
  installExtensions: false,
  uuidExtension: 'pgcrypto',
  synchronize: false,
  migrationsRun: false,
} as const;

/** Chooses the back end from DATABASE_URL: PostgreSQL when set, else PGlite in `dataDir`. */
export function dataSourceConfigFromEnv(env: NodeJS.ProcessEnv, pgliteDataDir: string | undefined): DataSourceConfig {
  const url = env['DATABASE_URL'];
  if (url) {
    const poolSize = env['DATABASE_POOL_SIZE'] === undefined ? undefined : Number(env['DATABASE_POOL_SIZE']);
    if (poolSize !== undefined && !(Number.isInteger(poolSize) && poolSize > 0)) {
      throw new Error(`DATABASE_POOL_SIZE must be a positive integer, got "${env['DATABASE_POOL_SIZE']}"`);
    }
    return { kind: 'postgres', url, ...(poolSize === undefined ? {} : { poolSize }) };
  }
  return { kind: 'pglite', ...(pgliteDataDir === undefined ? {} : { dataDir: pgliteDataDir }) };
}

/** An initialised data source with every entity and migration; migrations are not run. */
export async function createDataSource(config: DataSourceConfig): Promise<DataSource> {
  const logging = config.logger ? { logger: config.logger, logging: true } : {};
  if (config.kind === 'postgres') {
    const dataSource = new DataSource({ ...COMMON, ...logging, url: config.url, poolSize: config.poolSize ?? 10 });
    return dataSource.initialize();
  }
  const { driver } = await openPgliteDriver(config.dataDir);
  const dataSource = new DataSource({ ...COMMON, ...logging, driver, database: 'postgres' });
  return dataSource.initialize();
}

export function backendOf(dataSource: DataSource): 'postgres' | 'pglite' {
  return 'driver' in dataSource.options && dataSource.options.driver ? 'pglite' : 'postgres';
}
