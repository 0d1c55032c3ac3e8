import { inTransaction } from '../data-source/db';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { markEventProcessed } from './processed-event.repository';

describe('processed events', () => {
  let db: MigratedDatabase;

  beforeAll(async () => {
    db = await openMigratedPostgres({ poolSize: 8 });
  });

  afterAll(() => db.close());

  const marks = async (eventId: string): Promise<number> => {
    const rows = await db.dataSource.query<{ count: string }[]>(`SELECT count(*) AS count FROM processed_events WHERE event_id = $1`, [eventId]);
    return Number(rows[0]?.count);
  };

  it('lets exactly one of several racing transactions mark an event', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => inTransaction(db.dataSource, (tx) => markEventProcessed(tx, 'projector', 'evt-race'))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await marks('evt-race')).toBe(1);
  });

  it('forgets the mark when the transaction of the effect rolls back', async () => {
    await expect(
      inTransaction(db.dataSource, async (tx) => {
        expect(await markEventProcessed(tx, 'projector', 'evt-rollback')).toBe(true);
        throw new Error('effect failed');
      }),
    ).rejects.toThrow('effect failed');
    expect(await marks('evt-rollback')).toBe(0);
    expect(await inTransaction(db.dataSource, (tx) => markEventProcessed(tx, 'projector', 'evt-rollback'))).toBe(true);
  });
});
