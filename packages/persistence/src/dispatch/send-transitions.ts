import type { Db } from '../data-source/db';
import { returnedRows } from './returned-rows';

export interface InDoubtSend {
  readonly tenantId: string;
  readonly messageId: string;
  readonly commandId: string;
  /** When its Meta call started. */
  readonly createdAt: Date;
  /** What the outcome event repeats of the command: */
  readonly tenantSlug: string;
  readonly metaPhoneNumberId: string;
  readonly recipient: { readonly waId: string } | { readonly userId: string };
  readonly content: Record<string, unknown> | null;
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
 * Marks the Cloud API calls of sends as started, once each: the caller calls Meta only for the
 * command ids returned, so two dispatchers (or a redelivery) can never both call for one command.
 */
export async function startMetaCalls(db: Db, tenantId: string, commandIds: readonly string[], at: Date): Promise<Set<string>> {
  if (commandIds.length === 0) return new Set();
  const rows = returnedRows<{ command_id: string }>(await db.query(
    `UPDATE messages SET meta_call_started_at = $3
     WHERE tenant_id = $1 AND command_id = ANY($2::text[]) AND status = 'PENDING' AND wamid IS NULL AND meta_call_started_at IS NULL
     RETURNING command_id`,
    [tenantId, [...commandIds], at],
  ));
  return new Set(rows.map((row) => row.command_id));
}

/**
 * Sends whose Meta call started before `before` but whose answer was never recorded (a crash or a
 * lost answer): they are failed as in doubt, never sent again. A status webhook
 * naming the command id can still settle them later.
 */
export async function failInDoubtSends(db: Db, before: Date, reasonCode: string, now: Date): Promise<InDoubtSend[]> {
  const rows = returnedRows<{
    tenant_id: string; id: string; command_id: string; created_at: Date; slug: string; meta_phone_number_id: string;
    wa_id: string | null; business_scoped_user_id: string | null; content: Record<string, unknown> | null;
  }>(await db.query(
    `UPDATE messages m SET status = 'FAILED', reason_code = $2, failed_at = $3
     FROM tenants t, phone_numbers p, contacts c
     WHERE m.status = 'PENDING' AND m.wamid IS NULL AND m.meta_call_started_at < $1
       AND t.id = m.tenant_id AND p.id = m.phone_number_id AND c.id = m.contact_id
     RETURNING m.tenant_id, m.id, m.command_id, m.meta_call_started_at AS created_at, t.slug, p.meta_phone_number_id, c.wa_id, c.business_scoped_user_id, m.content`,
    [before, reasonCode, now],
  ));
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    messageId: row.id,
    commandId: row.command_id,
    createdAt: new Date(row.created_at),
    tenantSlug: row.slug,
    metaPhoneNumberId: row.meta_phone_number_id,
    recipient: row.wa_id !== null ? { waId: row.wa_id } : { userId: row.business_scoped_user_id ?? '' },
    content: row.content,
  }));
}

export interface MetaAcceptance {
  readonly commandId: string;
  readonly wamid: string;
  /** Meta paces the template (`held_for_quality_assessment`): HELD rather than ACCEPTED. */
  readonly held: boolean;
  readonly at: Date;
}

/**
 * Meta accepted the sends: their wamids, and ACCEPTED (or HELD for a paced template) unless a
 * status webhook already moved a row further (the projector may get there first). Returns the
 * command ids recorded.
 */
export async function recordMetaAcceptances(db: Db, tenantId: string, acceptances: readonly MetaAcceptance[]): Promise<Set<string>> {
  if (acceptances.length === 0) return new Set();
  const rows = returnedRows<{ command_id: string }>(await db.query(
    `UPDATE messages m SET wamid = COALESCE(m.wamid, a.wamid),
       status = CASE WHEN m.status = 'PENDING' THEN a.status ELSE m.status END,
       accepted_at = CASE WHEN a.status = 'ACCEPTED' THEN COALESCE(m.accepted_at, a.at) ELSE m.accepted_at END,
       held_at = CASE WHEN a.status = 'HELD' THEN COALESCE(m.held_at, a.at) ELSE m.held_at END
     FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS a(command_id, wamid, status, at)
     WHERE m.tenant_id = $1 AND m.command_id = a.command_id RETURNING m.command_id`,
    [
      tenantId,
      acceptances.map((acceptance) => acceptance.commandId),
      acceptances.map((acceptance) => acceptance.wamid),
      acceptances.map((acceptance) => (acceptance.held ? 'HELD' : 'ACCEPTED')),
      acceptances.map((acceptance) => acceptance.at),
    ],
  ));
  return new Set(rows.map((row) => row.command_id));
}
