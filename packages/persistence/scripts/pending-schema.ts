// Prints the SQL TypeORM would run to bring the migrated schema to the entities: the
// starting point of a new migration (review and edit it; never run synchronize).
// Usage: node -r @swc-node/register packages/persistence/scripts/pending-schema.ts [--down]
import { createDataSource } from '../src/data-source/data-source.factory';
import { runMigrations } from '../src/data-source/migrations';

async function main(): Promise<void> {
  const dataSource = await createDataSource({ kind: 'pglite' });
  await runMigrations(dataSource);
  const sql = await dataSource.driver.createSchemaBuilder().log();
  const queries = process.argv.includes('--down') ? sql.downQueries : sql.upQueries;
  for (const query of queries) console.log(`${query.query};`);
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
