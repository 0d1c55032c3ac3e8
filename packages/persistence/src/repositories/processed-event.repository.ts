import type { Db } from '../data-source/db';

/**
 * Records that `consumer` applied `eventId`; false when it already had. Call it in the
 * transaction of the event's effect, so the effect and the mark commit together. Event ids
 * are global (CloudEvents ids), so this is not tenant data.
 */
export async function markEventProcessed(db: Db, consumer: string, eventId: string): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
    [consumer, eventId],
  );
  return rows.length === 1;
}
