import type { Db } from '../data-source/db';

export interface RecentSendRow {
  readonly phoneNumberId: string;
  readonly contactId: string;
  readonly at: Date;
  /** The category priced at send time (`MARKETING`, `UTILITY`, `AUTHENTICATION`, `SERVICE`), null if not priced. */
  readonly category: string | null;
  readonly templateName: string | null;
}

export interface ExistingCommand {
  readonly messageId: string;
  readonly status: string;
  readonly wamid: string | null;
  /** The Cloud API call was started (a PENDING row without it was decided but never sent). */
  readonly callStarted: boolean;
}

/** Outbound messages that went (or are going) out per (number, contact) pair since `since`. */
export async function loadRecentSends(
  db: Db,
  tenantId: string,
  pairs: readonly { phoneNumberId: string; contactId: string }[],
  since: Date,
): Promise<RecentSendRow[]> {
  const rows = await db.query<{ phone_number_id: string; contact_id: string; at: Date; category: string | null; template_name: string | null }[]>(
    // OFFSET 0 keeps the lookup per pair, on ix_messages_pair_outbound. Joined instead, the planner may
    // scan (tenant, created_at) for the whole week, a range that statistics older than the latest
    // sends show as empty: measured 118 ms instead of 2 ms for 400 pairs after 100,000 sends.
    `SELECT m.phone_number_id, m.contact_id, COALESCE(m.sent_at, m.accepted_at, m.held_at, m.created_at) AS at, m.pricing_category AS category, m.template_name
     FROM unnest($2::uuid[], $3::uuid[]) AS p(phone_number_id, contact_id)
     CROSS JOIN LATERAL (
       SELECT * FROM messages m
       WHERE m.phone_number_id = p.phone_number_id AND m.contact_id = p.contact_id AND m.direction = 'OUTBOUND' AND m.created_at >= $4 AND m.tenant_id = $1
       OFFSET 0) m
     WHERE m.status IN ('PENDING', 'HELD', 'ACCEPTED', 'SENT', 'DELIVERED', 'READ', 'PLAYED')
     ORDER BY m.created_at`,
    [tenantId, pairs.map((p) => p.phoneNumberId), pairs.map((p) => p.contactId), since],
  );
  return rows.map((row) => ({
    phoneNumberId: row.phone_number_id,
    contactId: row.contact_id,
    at: row.at,
    category: row.category,
    templateName: row.template_name,
  }));
}

export async function loadExistingCommands(db: Db, tenantId: string, commandIds: readonly string[]): Promise<Map<string, ExistingCommand>> {
  const rows = await db.query<{ id: string; command_id: string; status: string; wamid: string | null; call_started: boolean }[]>(
    `SELECT id, command_id, status, wamid, meta_call_started_at IS NOT NULL AS call_started FROM messages WHERE tenant_id = $1 AND command_id = ANY($2::text[])`,
    [tenantId, commandIds],
  );
  return new Map(rows.map((row) => [row.command_id, { messageId: row.id, status: row.status, wamid: row.wamid, callStarted: row.call_started }]));
}
