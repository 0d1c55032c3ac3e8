import type { Db } from '../data-source/db';
import { returnedRows } from './returned-rows';

/** Stops every send from a business number until `until` (an error that needs an operator). */
export async function haltPhoneNumber(db: Db, tenantId: string, phoneNumberId: string, until: Date): Promise<boolean> {
  const rows = returnedRows<{ id: string }>(await db.query(
    `UPDATE phone_numbers SET halted_until = GREATEST(COALESCE(halted_until, $3), $3), updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING id`,
    [tenantId, phoneNumberId, until],
  ));
  return rows.length > 0;
}

/**
 * Records a template status Meta revealed through a send error (132015 paused, 132016 disabled),
 * with its history row, unless the template already has that status.
 */
export async function markTemplateStatusFromError(db: Db, tenantId: string, key: { wabaId: string; name: string; language: string }, status: string, at: Date, reason: string): Promise<boolean> {
  const rows = returnedRows<{ id: string; previous: string }>(await db.query(
    `UPDATE templates t SET status = $5, updated_at = now()
     FROM (SELECT id, status AS previous FROM templates WHERE tenant_id = $1 AND waba_id = $2 AND name = $3 AND language = $4 FOR UPDATE) old
     WHERE t.id = old.id AND old.previous <> $5
     RETURNING t.id, old.previous`,
    [tenantId, key.wabaId, key.name, key.language, status],
  ));
  const changed = rows[0];
  if (changed === undefined) return false;
  await db.query(
    `INSERT INTO template_history (template_id, tenant_id, kind, previous_value, new_value, reason, occurred_at) VALUES ($1, $2, 'STATUS', $3, $4, $5, $6)`,
    [changed.id, tenantId, changed.previous, status, reason, at],
  );
  return true;
}
