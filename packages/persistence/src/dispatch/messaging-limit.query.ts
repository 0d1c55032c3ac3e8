import type { Db } from '../data-source/db';

export interface LimitUsage {
  /** Unique contacts sent a business-initiated (template) message in the moving 24 h. */
  readonly uniqueRecipients: number;
  /**
   * When the one of them who leaves the 24 h first was last sent a message (it leaves a day
   * later): a contact stays counted until its latest message leaves, so this is the earliest of
   * the counted contacts' latest messages, not their earliest message.
   */
  readonly oldestAt: Date | null;
  /** Those of the asked contacts who are already counted. */
  readonly countedContactIds: ReadonlySet<string>;
}

/**
 * Messaging-limit usage of the scope a phone number counts in: its business portfolio (limits
 * are per portfolio since 2025-10), else the number itself. Two queries.
 */
export async function loadLimitUsage(db: Db, tenantId: string, phoneNumberId: string, since: Date, contactIds: readonly string[]): Promise<LimitUsage> {
  const scope = `SELECT p.id FROM phone_numbers p JOIN phone_numbers me ON me.id = $2
                 WHERE p.tenant_id = $1 AND (p.id = me.id OR (me.portfolio_id IS NOT NULL AND p.portfolio_id = me.portfolio_id))`;
  const counted = `FROM messages m WHERE m.tenant_id = $1 AND m.phone_number_id IN (${scope})
                   AND m.direction = 'OUTBOUND' AND m.type = 'template' AND m.created_at > $3
                   AND m.status NOT IN ('REJECTED', 'DEFERRED', 'FAILED')`;
  const [usage] = await db.query<{ recipients: string; oldest: Date | null }[]>(
    `SELECT count(*) AS recipients, min(c.last_at) AS oldest FROM (SELECT m.contact_id, max(m.created_at) AS last_at ${counted} GROUP BY m.contact_id) c`,
    [tenantId, phoneNumberId, since],
  );
  const rows = contactIds.length === 0 ? [] : await db.query<{ contact_id: string }[]>(
    `SELECT DISTINCT m.contact_id ${counted} AND m.contact_id = ANY($4::uuid[])`,
    [tenantId, phoneNumberId, since, contactIds],
  );
  return {
    uniqueRecipients: Number(usage?.recipients ?? 0),
    oldestAt: usage?.oldest ? new Date(usage.oldest) : null,
    countedContactIds: new Set(rows.map((row) => row.contact_id)),
  };
}
