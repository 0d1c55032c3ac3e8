import { createEmbeddedBus } from '@recado/bus';
import { describeBusContract } from '@recado/bus/src/testing/describe-bus-contract';
import { openMigratedPostgres } from '../test/migrated-database';
import { createPostgresEmbeddedLog } from './postgres-embedded-log';

describeBusContract('embedded on PostgreSQL', async () => {
  const db = await openMigratedPostgres({ poolSize: 8 });
  return { bus: createEmbeddedBus({ log: createPostgresEmbeddedLog(db.dataSource) }), dispose: () => db.close() };
});
