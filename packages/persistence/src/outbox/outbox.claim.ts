import type { Db } from '../data-source/db';
import type { OutboxEvent } from './outbox.relay';

interface OutboxRow {
  id: string;
  tenant_id: string | null;
  topic: string;
  key: string;
  payload_json: string;
  headers: Record<string, string>;
  created_at: Date;
  attempts: number;
}

// Every row is pending: the relay deletes what it has published. Only the oldest event of a
// key, unclaimed or with a lapsed claim, can be taken: while one relay holds a key, its later
// events are invisible to the others. That is what keeps the order per key with several relays.
const CLAIM_HEADS = `
  SELECT o.key FROM outbox_events o
  WHERE (o.claimed_until IS NULL OR o.claimed_until < now())
    AND NOT EXISTS (SELECT 1 FROM outbox_events p WHERE p.key = o.key AND p.id < o.id)
  ORDER BY o.id LIMIT $1
  FOR UPDATE OF o SKIP LOCKED`;

const CLAIM_EVENTS = `
  UPDATE outbox_events SET claimed_until = now() + $3 * interval '1 millisecond', claim_token = $4
  WHERE id IN (
    SELECT id FROM outbox_events WHERE key = ANY($1::text[]) ORDER BY id LIMIT $2
  )
  RETURNING id, tenant_id, topic, key, payload::text AS payload_json, headers, created_at, attempts`;

/** Claims up to `maxKeys` keys and up to `maxEvents` of their pending events, in id order. */
export async function claimOutboxEvents(
  db: Db,
  token: string,
  limits: { maxKeys: number; maxEvents: number; leaseMs: number },
): Promise<OutboxEvent[]> {
  const heads = await db.query<{ key: string }[]>(CLAIM_HEADS, [limits.maxKeys]);
  if (heads.length === 0) return [];
  // TypeORM answers an UPDATE … RETURNING with [rows, count].
  const [rows] = await db.query<[OutboxRow[], number]>(CLAIM_EVENTS, [heads.map((head) => head.key), limits.maxEvents, limits.leaseMs, token]);
  return rows
    .map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      topic: row.topic,
      key: row.key,
      payloadJson: row.payload_json,
      headers: row.headers,
      createdAt: row.created_at,
      attempts: row.attempts,
    }))
    .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
}
