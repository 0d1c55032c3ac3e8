import type { DataSource, EntityManager } from 'typeorm';

/** What every data function takes: the data source's manager, or a transaction's. */
export type Db = EntityManager;

/** Runs `work` in one transaction (READ COMMITTED); its manager is passed to the data functions. */
export function inTransaction<T>(dataSource: DataSource, work: (db: Db) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
