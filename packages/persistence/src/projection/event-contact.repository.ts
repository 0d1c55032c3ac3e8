import type { Db } from '../data-source/db';
import { updatedCount } from './updated-rows';
import { PersistenceError } from '../persistence.error';

/** Who an event is about: the `wa_id`, the business-scoped user id, or both. */
export interface EventContact {
  readonly waId?: string | undefined;
  readonly userId?: string | undefined;
  readonly profileName?: string | undefined;
}

const FIND = `SELECT id FROM contacts WHERE tenant_id = $1 AND (wa_id = $2::text OR business_scoped_user_id = $3::text)
  ORDER BY (wa_id = $2::text) IS TRUE DESC, created_at, id LIMIT 1`;

// A missing identifier is filled in only when no other contact of the tenant holds it.
const REFRESH = `UPDATE contacts c SET
    profile_name = COALESCE($3, c.profile_name),
    wa_id = COALESCE(c.wa_id, CASE WHEN NOT EXISTS (SELECT 1 FROM contacts o WHERE o.tenant_id = $1 AND o.wa_id = $4::text) THEN $4::text END),
    business_scoped_user_id = COALESCE(c.business_scoped_user_id,
      CASE WHEN NOT EXISTS (SELECT 1 FROM contacts o WHERE o.tenant_id = $1 AND o.business_scoped_user_id = $5::text) THEN $5::text END),
    updated_at = now()
  WHERE c.tenant_id = $1 AND c.id = $2`;

/**
 * Finds the contact an event names (by `wa_id` first, else by business-scoped user id) and
 * refreshes its profile name and missing identifiers, or creates it. Returns its id.
 */
export async function upsertEventContact(db: Db, tenantId: string, contact: EventContact): Promise<string> {
  if (contact.waId === undefined && contact.userId === undefined) {
    throw new PersistenceError('NOT_FOUND', 'an event contact needs a wa_id or a business-scoped user id');
  }
  const waId = contact.waId ?? null;
  const userId = contact.userId ?? null;
  const found = await findId(db, tenantId, waId, userId);
  if (found !== null) {
    await db.query(REFRESH, [tenantId, found, contact.profileName ?? null, waId, userId]);
    return found;
  }
  const inserted = await db.query<{ id: string }[]>(
    `INSERT INTO contacts (tenant_id, wa_id, business_scoped_user_id, profile_name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
    [tenantId, waId, userId, contact.profileName ?? null],
  );
  // Another transaction created it meanwhile: use theirs.
  const id = inserted[0]?.id ?? (await findId(db, tenantId, waId, userId));
  if (id === null) throw new PersistenceError('NOT_FOUND', `contact of tenant ${tenantId} vanished while being created`);
  return id;
}

async function findId(db: Db, tenantId: string, waId: string | null, userId: string | null): Promise<string | null> {
  const rows = await db.query<{ id: string }[]>(FIND, [tenantId, waId, userId]);
  return rows[0]?.id ?? null;
}

/** Set by error 131026; only moves forward, so a late webhook never shortens it. */
export async function markContactUndeliverable(db: Db, tenantId: string, contactId: string, at: Date): Promise<boolean> {
  const result = await db.query<unknown>(
    `UPDATE contacts SET undeliverable_since = GREATEST(undeliverable_since, $3), updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING 1`,
    [tenantId, contactId, at],
  );
  return updatedCount(result) === 1;
}

/** Set by error 131049: no marketing before `until`; only moves forward. */
export async function holdContactMarketing(db: Db, tenantId: string, contactId: string, until: Date): Promise<boolean> {
  const result = await db.query<unknown>(
    `UPDATE contacts SET marketing_held_until = GREATEST(marketing_held_until, $3), updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING 1`,
    [tenantId, contactId, until],
  );
  return updatedCount(result) === 1;
}
