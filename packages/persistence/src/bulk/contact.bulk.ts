import type { Db } from '../data-source/db';

export interface ContactUpsert {
  readonly waId: string;
  readonly profileName?: string | null;
  readonly locale?: string | null;
  readonly timeZone?: string | null;
  readonly businessScopedUserId?: string | null;
  /** Merged into the stored attributes (keys given here win). */
  readonly attributes?: Record<string, unknown>;
}

/**
 * Creates or updates contacts by `wa_id`; a field given as null or left out keeps the stored
 * value, and a contact the call would not change is not written. Returns wa_id → contact id.
 * Within one call the last entry for a wa_id wins (PostgreSQL refuses to update a row twice in
 * one statement).
 */
export async function upsertContacts(db: Db, tenantId: string, contacts: readonly ContactUpsert[]): Promise<Map<string, string>> {
  const byWaId = new Map(contacts.map((contact) => [contact.waId, contact]));
  if (byWaId.size === 0) return new Map();
  const written = await db.query<{ id: string; wa_id: string }[]>(
    `INSERT INTO contacts AS c (tenant_id, wa_id, profile_name, locale, time_zone, business_scoped_user_id, attributes)
     SELECT $1, x."waId", x."profileName", x.locale, x."timeZone", x."businessScopedUserId", COALESCE(x.attributes, '{}')
     FROM jsonb_to_recordset($2::jsonb) AS x("waId" text, "profileName" text, locale text, "timeZone" text, "businessScopedUserId" text, attributes jsonb)
     ON CONFLICT (tenant_id, wa_id) WHERE wa_id IS NOT NULL DO UPDATE SET
       profile_name = COALESCE(excluded.profile_name, c.profile_name),
       locale = COALESCE(excluded.locale, c.locale),
       time_zone = COALESCE(excluded.time_zone, c.time_zone),
       business_scoped_user_id = COALESCE(excluded.business_scoped_user_id, c.business_scoped_user_id),
       attributes = c.attributes || excluded.attributes,
       updated_at = now()
     WHERE (c.profile_name, c.locale, c.time_zone, c.business_scoped_user_id, c.attributes) IS DISTINCT FROM
       (COALESCE(excluded.profile_name, c.profile_name), COALESCE(excluded.locale, c.locale), COALESCE(excluded.time_zone, c.time_zone),
        COALESCE(excluded.business_scoped_user_id, c.business_scoped_user_id), c.attributes || excluded.attributes)
     RETURNING id, wa_id`,
    [tenantId, JSON.stringify([...byWaId.values()])],
  );
  const ids = new Map(written.map((row) => [row.wa_id, row.id]));
  const unchanged = [...byWaId.keys()].filter((waId) => !ids.has(waId));
  if (unchanged.length === 0) return ids;
  // A new statement, so a contact another transaction created meanwhile is seen too.
  for (const [waId, id] of await contactIdsOf(db, tenantId, unchanged)) ids.set(waId, id);
  return ids;
}

/**
 * The ids of the contacts with these wa_ids, creating those the tenant does not have yet; an
 * existing contact is only read, neither written nor locked (the send path names recipients
 * and changes nothing about them). Returns wa_id → contact id.
 */
export async function ensureContacts(db: Db, tenantId: string, waIds: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(waIds)];
  if (wanted.length === 0) return new Map();
  const ids = await contactIdsOf(db, tenantId, wanted);
  const missing = wanted.filter((waId) => !ids.has(waId));
  if (missing.length === 0) return ids;
  const created = await db.query<{ id: string; wa_id: string }[]>(
    `INSERT INTO contacts (tenant_id, wa_id) SELECT $1, unnest($2::text[])
     ON CONFLICT (tenant_id, wa_id) WHERE wa_id IS NOT NULL DO NOTHING
     RETURNING id, wa_id`,
    [tenantId, missing],
  );
  for (const row of created) ids.set(row.wa_id, row.id);
  // Created by another transaction between the read and the insert: a new statement sees them.
  const raced = missing.filter((waId) => !ids.has(waId));
  if (raced.length === 0) return ids;
  for (const [waId, id] of await contactIdsOf(db, tenantId, raced)) ids.set(waId, id);
  return ids;
}

async function contactIdsOf(db: Db, tenantId: string, waIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; wa_id: string }[]>(`SELECT id, wa_id FROM contacts WHERE tenant_id = $1 AND wa_id = ANY($2::text[])`, [tenantId, waIds]);
  return new Map(rows.map((row) => [row.wa_id, row.id]));
}
