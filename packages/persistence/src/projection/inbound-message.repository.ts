import type { Db } from '../data-source/db';
import { assertTenantOwns } from '../repositories/tenant-ownership';

export interface InboundMessageInput {
  readonly phoneNumberId: string;
  readonly contactId: string;
  readonly wamid: string;
  /** `text`, `image`, `button`… as Meta names it. */
  readonly type: string;
  /** Meta's `messages[]` item, untouched. */
  readonly content: Record<string, unknown>;
  /** When the contact sent it (Meta's timestamp); stored as the row's `created_at`. */
  readonly occurredAt: Date;
}

/** Stores a received message once per wamid; returns its id, or null when the wamid was already stored. */
export async function insertInboundMessage(db: Db, tenantId: string, input: InboundMessageInput): Promise<string | null> {
  await assertTenantOwns(db, tenantId, { phoneNumberIds: [input.phoneNumberId], contactIds: [input.contactId] });
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO messages (tenant_id, phone_number_id, contact_id, direction, type, content, status, wamid, created_at)
     VALUES ($1, $2, $3, 'INBOUND', $4, $5, 'RECEIVED', $6, $7)
     ON CONFLICT (wamid) WHERE wamid IS NOT NULL DO NOTHING RETURNING id`,
    [tenantId, input.phoneNumberId, input.contactId, input.type, JSON.stringify(input.content), input.wamid, input.occurredAt],
  );
  return rows[0]?.id ?? null;
}

/** The contact's latest message to the number at or before `at` (what the window stood on then). */
export async function lastInboundBefore(db: Db, tenantId: string, pair: { phoneNumberId: string; contactId: string }, at: Date): Promise<Date | null> {
  const rows = await db.query<{ last: Date | null }[]>(
    `SELECT max(created_at) AS last FROM messages
     WHERE tenant_id = $1 AND phone_number_id = $2 AND contact_id = $3 AND direction = 'INBOUND' AND created_at <= $4`,
    [tenantId, pair.phoneNumberId, pair.contactId, at],
  );
  const last = rows[0]?.last ?? null;
  return last === null ? null : new Date(last);
}
