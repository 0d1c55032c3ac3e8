import type { Db } from '../data-source/db';
import { returnedRows } from './returned-rows';

export interface InDoubtSend {
  readonly tenantId: string;
  readonly messageId: string;
  readonly commandId: string;
  readonly createdAt: Date;
}

/**
 * A held-back send goes out now: DEFERRED → PENDING, for one claimer only. Returns the message id,
 * or null when the row is not DEFERRED (already handled elsewhere).
 */
export async function claimDeferredSend(db: Db, tenantId: string, commandId: string): Promise<string | null> {
  const rows = returnedRows<{ id: string }>(await db.query(
    `UPDATE messages SET status = 'PENDING', decision = 'ALLOW', reason_code = NULL
     WHERE tenant_id = $1 AND command_id = $2 AND status = 'DEFERRED' RETURNING id`,
    [tenantId, commandId],
  ));
  return rows[0]?.id ?? null;
}

/** A decision reached again for a held-back send (still deferred, or now rejected). */
export async function redecideDeferredSend(db: Db, tenantId: string, commandId: string, decision: { status: 'DEFERRED' | 'REJECTED'; reasonCode: string }): Promise<boolean> {
  const rows = returnedRows<{ id: string }>(await db.query(
    `UPDATE messages SET status = $3, decision = $4, reason_code = $5
     WHERE tenant_id = $1 AND command_id = $2 AND status = 'DEFERRED' RETURNING id`,
    [tenantId, commandId, decision.status, decision.status === 'DEFERRED' ? 'DEFER' : 'REJECT', decision.reasonCode],
  ));
  return rows.length > 0;
}

/** A retryable failure: PENDING → DEFERRED, to be tried again from the schedule. */
export async function returnSendToSchedule(db: Db, tenantId: string, commandId: string, reasonCode: string): Promise<boolean> {
  const rows = returnedRows<{ id: string }>(await db.query(
    `UPDATE messages SET status = 'DEFERRED', decision = 'DEFER', reason_code = $3
     WHERE tenant_id = $1 AND command_id = $2 AND status = 'PENDING' AND wamid IS NULL RETURNING id`,
    [tenantId, commandId, reasonCode],
  ));
  return rows.length > 0;
}

/**
 * Sends whose intent was recorded before `before` but whose Meta answer never was (a crash or a
 * lost answer between the two): they are failed as in doubt, never sent again. A status webhook
 * naming the command id can still settle them later.
 */
export async function failInDoubtSends(db: Db, before: Date, reasonCode: string, now: Date): Promise<InDoubtSend[]> {
  const rows = returnedRows<{ tenant_id: string; id: string; command_id: string; created_at: Date }>(await db.query(
    `UPDATE messages SET status = 'FAILED', reason_code = $2, failed_at = $3
     WHERE status = 'PENDING' AND wamid IS NULL AND direction = 'OUTBOUND' AND command_id IS NOT NULL AND created_at < $1
     RETURNING tenant_id, id, command_id, created_at`,
    [before, reasonCode, now],
  ));
  return rows.map((row) => ({ tenantId: row.tenant_id, messageId: row.id, commandId: row.command_id, createdAt: new Date(row.created_at) }));
}
