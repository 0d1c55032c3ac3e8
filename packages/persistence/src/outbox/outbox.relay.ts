import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { claimOutboxEvents } from './outbox.claim';

export interface OutboxEvent {
  readonly id: string;
  readonly tenantId: string | null;
  readonly topic: string;
  readonly key: string;
  /** The event as JSON text, as written. */
  readonly payloadJson: string;
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
  /** How long a claim holds before another relay may take the events over (a crashed relay's). */
  readonly leaseMs?: number;
}

/**
 * One relay round: claims keys (a short transaction), publishes their pending events in
 * order with no transaction open, then deletes them: Kafka holds them from then on. If
 * `publish` throws, the claim is released with the attempt and error recorded, and the error
 * is rethrown; if the relay dies, the claim lapses after `leaseMs`. Delivery is at least once:
 * consumers deduplicate by event id. No transaction is held while publishing, so `publish`
 * may use the database (which matters on PGlite's single session).
 */
export async function relayOutboxOnce(dataSource: DataSource, publish: PublishOutboxBatch, options: RelayOptions = {}): Promise<number> {
  const token = randomUUID();
  const events = await dataSource.transaction((db) =>
    claimOutboxEvents(db, token, { maxKeys: options.maxKeys ?? 100, maxEvents: options.maxEvents ?? 1000, leaseMs: options.leaseMs ?? 30_000 }),
  );
  if (events.length === 0) return 0;
  const ids = events.map((event) => event.id);
  try {
    await publish(events);
  } catch (error) {
    await dataSource.query(
      `UPDATE outbox_events SET attempts = attempts + 1, last_error = $3, claimed_until = NULL, claim_token = NULL
       WHERE id = ANY($1::bigint[]) AND claim_token = $2`,
      [ids, token, describe(error)],
    );
    throw error;
  }
  await dataSource.query(`DELETE FROM outbox_events WHERE id = ANY($1::bigint[])`, [ids]);
  return events.length;
}

function describe(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
}
