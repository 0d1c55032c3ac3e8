import type { DataSource, QueryRunner } from 'typeorm';

export interface OutboxEvent {
  readonly id: string;
  readonly tenantId: string | null;
  readonly topic: string;
  readonly key: string;
  readonly payload: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly createdAt: Date;
  readonly attempts: number;
}

/** Publishes a batch in the given order (per key, the write order); throws when any event is not durable. */
export type PublishOutboxBatch = (events: readonly OutboxEvent[]) => Promise<void>;

export interface RelayOptions {
  /** Keys claimed per round. */
  readonly maxKeys?: number;
  /** Events published per round. */
  readonly maxEvents?: number;
}

interface OutboxRow {
  id: string;
  tenant_id: string | null;
  topic: string;
  key: string;
  payload: unknown;
  headers: Record<string, string>;
  created_at: Date;
  attempts: number;
}

// Only the oldest pending event of a key can be claimed, so a key being published by one
// relay is invisible to the others: that is what keeps the order per key.
const CLAIM_HEADS = `
  SELECT o.key FROM outbox_events o
  WHERE o.published_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM outbox_events p WHERE p.key = o.key AND p.published_at IS NULL AND p.id < o.id)
  ORDER BY o.id LIMIT $1
  FOR UPDATE OF o SKIP LOCKED`;

const LOAD_EVENTS = `
  SELECT id, tenant_id, topic, key, payload, headers, created_at, attempts FROM outbox_events
  WHERE published_at IS NULL AND key = ANY($1::text[])
  ORDER BY id LIMIT $2
  FOR UPDATE`;

/**
 * One relay round: claims keys, publishes their pending events in order and marks them
 * published, all in one transaction. If `publish` throws, the events stay pending (their
 * attempt count and error are recorded) and the error is rethrown; a crash rolls back.
 * Delivery is at least once: consumers deduplicate by event id.
 */
export async function relayOutboxOnce(dataSource: DataSource, publish: PublishOutboxBatch, options: RelayOptions = {}): Promise<number> {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  try {
    await queryRunner.startTransaction();
    const heads = (await queryRunner.query(CLAIM_HEADS, [options.maxKeys ?? 100])) as { key: string }[];
    const keys = heads.map((row) => row.key);
    const events = keys.length === 0 ? [] : await loadEvents(queryRunner, keys, options.maxEvents ?? 1000);
    if (events.length === 0) {
      await queryRunner.commitTransaction();
      return 0;
    }
    const ids = events.map((event) => event.id);
    try {
      await publish(events);
    } catch (error) {
      await queryRunner.query(`UPDATE outbox_events SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`, [ids, describe(error)]);
      await queryRunner.commitTransaction();
      throw error;
    }
    await queryRunner.query(`UPDATE outbox_events SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [ids]);
    await queryRunner.commitTransaction();
    return events.length;
  } finally {
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    await queryRunner.release();
  }
}

async function loadEvents(queryRunner: QueryRunner, keys: readonly string[], limit: number): Promise<OutboxEvent[]> {
  const rows = (await queryRunner.query(LOAD_EVENTS, [keys, limit])) as OutboxRow[];
  return rows.map((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    topic: row.topic,
    key: row.key,
    payload: row.payload,
    headers: row.headers,
    createdAt: row.created_at,
    attempts: row.attempts,
  }));
}

function describe(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
}
