import type { Db } from '../data-source/db';
import { returnedRows } from './returned-rows';

export interface InDoubtSend {
  readonly tenantId: string;
  readonly messageId: string;
  readonly commandId: string;
  readonly createdAt: Date;
}

/**
 * A held-back send goes out now: DEFERRED → PENDING (or a PENDING row whose call never started,
 * left by a crash). Returns the message id, or null when the send was handled elsewhere.
 */
export async function claimDeferredSend(db: Db, tenantId: string, commandId: string): Promise<string | null> {
  const rows = returnedRows<{ id: string }>(await db.query(
    `UPDATE messages SET status = 'PENDING', decision = 'ALLOW', reason_code = NULL
     WHERE tenant_id = $1 AND command_id = $2
       AND (status = 'DEFERRED' OR (status = 'PENDING' AND wamid IS NULL AND meta_call_started_at IS NULL)) RETURNING id`,
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

/** A retryable failure (Meta surely did not take the message): PENDING → DEFERRED, to be tried again from the schedule. */
export async function returnSendToSchedule(db: Db, tenantId: string, commandId: string, reasonCode: string): Promise<boolean> {
  const rows = returnedRows<{ id: string }>(await db.query(
    `UPDATE messages SET status = 'DEFERRED', decision = 'DEFER', reason_code = $3, meta_call_started_at = NULL
     WHERE tenant_id = $1 AND command_id = $2 AND status = 'PENDING' AND wamid IS NULL RETURNING id`,
    [tenantId, commandId, reasonCode],
  ));
  return rows.length > 0;
}

/**
 * Marks the Cloud API call of a send as started, once: the caller calls Meta only when this
 * returns true, so two dispatchers (or a redelivery) can never both call for one command.
 */
export async function startMetaCall(db: Db, tenantId: string, commandId: string, at: Date): Promise<boolean> {
  const rows = returnedRows<{ id: string }>(await db.query(
    `UPDATE messages SET meta_call_started_at = $3
     WHERE tenant_id = $1 AND command_id = $2 AND status = 'PENDING' AND wamid IS NULL AND meta_call_started_at IS NULL RETURNING id`,
    [tenantId, commandId, at],
  ));
  return rows.length > 0;
}

/**
 * Sends whose Meta call started before `before` but whose answer was never recorded (a crash or a
 * lost answer): they are failed as in doubt, never sent again. A status webhook
 * naming the command id can still settle them later.
 */
export async function failInDoubtSends(db: Db, before: Date, reasonCode: string, now: Date): Promise<InDoubtSend[]> {
  const rows = returnedRows<{ tenant_id: string; id: string; command_id: string; created_at: Date }>(await db.query(
    `UPDATE messages SET status = 'FAILED', reason_code = $2, failed_at = $3
     WHERE status = 'PENDING' AND wamid IS NULL AND meta_call_started_at < $1
     RETURNING tenant_id, id, command_id, meta_call_started_at AS created_at`,
    [before, reasonCode, now],
  ));
  return rows.map((row) => ({ tenantId: row.tenant_id, messageId: row.id, commandId: row.command_id, createdAt: new Date(row.created_at) }));
}

/**
 * Meta accepted the send: its wamid, and ACCEPTED (or HELD for a paced template) unless a status
 * webhook already moved the row further (the projector may get there first).
 */
export async function recordMetaAcceptance(db: Db, tenantId: string, commandId: string, acceptance: { wamid: string; held: boolean; at: Date }): Promise<boolean> {
  const rows = returnedRows<{ id: string }>(await db.query(
    `UPDATE messages SET wamid = COALESCE(wamid, $3),
       status = CASE WHEN status = 'PENDING' THEN $4 ELSE status END,
       accepted_at = CASE WHEN $4 = 'ACCEPTED' THEN COALESCE(accepted_at, $5) ELSE accepted_at END,
       held_at = CASE WHEN $4 = 'HELD' THEN COALESCE(held_at, $5) ELSE held_at END
     WHERE tenant_id = $1 AND command_id = $2 RETURNING id`,
    [tenantId, commandId, acceptance.wamid, acceptance.held ? 'HELD' : 'ACCEPTED', acceptance.at],
  ));
  return rows.length > 0;
}
