import type { Db } from '../data-source/db';
import { returnedRows } from './returned-rows';

export interface ScheduledSend {
  readonly id: string;
  readonly tenantId: string;
  readonly commandId: string;
  readonly phoneNumberId: string;
  readonly contactId: string;
  readonly dueAt: Date;
  readonly attempt: number;
  readonly reasonCode: string;
  /** The send-command as received (contracts' shape). */
  readonly command: unknown;
}

export type NewScheduledSend = Omit<ScheduledSend, 'id' | 'tenantId'>;

interface Row {
  id: string;
  tenant_id: string;
  command_id: string;
  phone_number_id: string;
  contact_id: string;
  due_at: Date;
  attempt: number;
  reason_code: string;
  command: unknown;
}

const toScheduledSend = (row: Row): ScheduledSend => ({
  id: String(row.id),
  tenantId: row.tenant_id,
  commandId: row.command_id,
  phoneNumberId: row.phone_number_id,
  contactId: row.contact_id,
  dueAt: new Date(row.due_at),
  attempt: row.attempt,
  reasonCode: row.reason_code,
  command: row.command,
});

/** Holds sends back until `dueAt`; a command already held keeps its first row. Returns the command ids it held. */
export async function scheduleSends(db: Db, tenantId: string, sends: readonly NewScheduledSend[]): Promise<string[]> {
  if (sends.length === 0) return [];
  const rows = await db.query<{ command_id: string }[]>(
    `INSERT INTO scheduled_sends (tenant_id, command_id, phone_number_id, contact_id, due_at, attempt, reason_code, command)
     SELECT $1, e.item->>'command_id', (e.item->>'phone_number_id')::uuid, (e.item->>'contact_id')::uuid, (e.item->>'due_at')::timestamptz,
            (e.item->>'attempt')::integer, e.item->>'reason_code', e.item->'command'
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(item, n)
     ORDER BY e.n
     ON CONFLICT (tenant_id, command_id) DO NOTHING
     RETURNING command_id`,
    [tenantId, JSON.stringify(sends.map((send) => ({
      command_id: send.commandId, phone_number_id: send.phoneNumberId, contact_id: send.contactId,
      due_at: send.dueAt.toISOString(), attempt: send.attempt, reason_code: send.reasonCode, command: send.command,
    })))],
  );
  return rows.map((row) => row.command_id);
}

/** The (number, contact) pairs among `pairs` that have sends held back: later sends must queue behind them. */
export async function pairsWithScheduledSends(db: Db, tenantId: string, pairs: readonly { phoneNumberId: string; contactId: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db.query<{ phone_number_id: string; contact_id: string }[]>(
    `SELECT DISTINCT s.phone_number_id, s.contact_id FROM scheduled_sends s
     JOIN unnest($2::uuid[], $3::uuid[]) AS p(phone_number_id, contact_id) ON p.phone_number_id = s.phone_number_id AND p.contact_id = s.contact_id
     WHERE s.tenant_id = $1`,
    [tenantId, pairs.map((pair) => pair.phoneNumberId), pairs.map((pair) => pair.contactId)],
  );
  return new Set(rows.map((row) => `${row.phone_number_id}:${row.contact_id}`));
}

/**
 * Claims up to `limit` due sends, only the first held send of each (number, contact) so that
 * a contact's sends leave in order; a claim lasts `leaseMs` (a crashed claimer's rows return).
 * Safe with several dispatchers: the claim re-checks the lease under the row lock.
 */
export async function claimDueSends(db: Db, now: Date, limit: number, leaseMs: number): Promise<ScheduledSend[]> {
  const rows = returnedRows<Row>(await db.query(
    `UPDATE scheduled_sends SET claimed_until = $1::timestamptz + make_interval(secs => $3::double precision / 1000)
     WHERE id IN (
       SELECT id FROM (
         SELECT DISTINCT ON (phone_number_id, contact_id) id, due_at, claimed_until
         FROM scheduled_sends ORDER BY phone_number_id, contact_id, id
       ) heads
       WHERE due_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
       ORDER BY due_at LIMIT $2)
     AND (claimed_until IS NULL OR claimed_until < $1)
     RETURNING id, tenant_id, command_id, phone_number_id, contact_id, due_at, attempt, reason_code, command`,
    [now, limit, leaseMs],
  ));
  return rows.map(toScheduledSend).sort((a, b) => Number(a.id) - Number(b.id));
}

/** Done with a held send (sent, rejected or failed for good). */
export async function releaseScheduledSend(db: Db, tenantId: string, commandId: string): Promise<void> {
  await db.query(`DELETE FROM scheduled_sends WHERE tenant_id = $1 AND command_id = $2`, [tenantId, commandId]);
}

/** Holds it back again (a new deferral or a retry), keeping its place in the contact's queue. */
export async function rescheduleSend(db: Db, tenantId: string, commandId: string, update: { dueAt: Date; attempt: number; reasonCode: string }): Promise<void> {
  await db.query(
    `UPDATE scheduled_sends SET due_at = $3, attempt = $4, reason_code = $5, claimed_until = NULL WHERE tenant_id = $1 AND command_id = $2`,
    [tenantId, commandId, update.dueAt, update.attempt, update.reasonCode],
  );
}
