import type { Db } from '../data-source/db';

export interface NewOutboxEvent {
  readonly tenantId: string | null;
  readonly topic: string;
  /** Events with the same key are published in the order they were written. */
  readonly key: string;
  readonly payload: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Writes events in the caller's transaction, so they exist if and only if the change commits. */
export async function writeOutboxEvents(db: Db, events: readonly NewOutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO outbox_events (tenant_id, topic, key, payload, headers)
     SELECT tenant_id, topic, key, payload, headers
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::json[], $5::jsonb[]) WITH ORDINALITY AS e(tenant_id, topic, key, payload, headers, n)
     ORDER BY n`,
    [
      events.map((event) => event.tenantId),
      events.map((event) => event.topic),
      events.map((event) => event.key),
      events.map((event) => JSON.stringify(event.payload)),
      events.map((event) => JSON.stringify(event.headers ?? {})),
    ],
  );
}
