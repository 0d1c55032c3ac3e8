import { createEmbeddedBus } from '@recado/bus';
import { describeBusContract } from '@recado/bus/src/testing/describe-bus-contract';
import { openMigratedPglite } from '../test/migrated-database';
import { createPostgresEmbeddedLog } from './postgres-embedded-log';

describeBusContract('embedded on PGlite', async () => {
  const db = await openMigratedPglite();
  return { bus: createEmbeddedBus({ log: createPostgresEmbeddedLog(db.dataSource) }), dispose: () => db.close() };
});
