import type { Db } from '../data-source/db';
import { PersistenceError } from '../persistence.error';

/** Refuses writes that would attach a tenant's row to another tenant's contact or number. */
export async function assertTenantOwns(
  db: Db,
  tenantId: string,
  refs: { phoneNumberIds?: readonly string[]; contactIds?: readonly string[] },
): Promise<void> {
  const phoneNumberIds = [...new Set(refs.phoneNumberIds ?? [])];
  const contactIds = [...new Set(refs.contactIds ?? [])];
  const rows = await db.query<{ phones: string; contacts: string }[]>(
    `SELECT (SELECT count(*) FROM phone_numbers WHERE tenant_id = $1 AND id = ANY($2::uuid[])) AS phones,
            (SELECT count(*) FROM contacts WHERE tenant_id = $1 AND id = ANY($3::uuid[])) AS contacts`,
    [tenantId, phoneNumberIds, contactIds],
  );
  const row = rows[0];
  if (Number(row?.phones) !== phoneNumberIds.length || Number(row?.contacts) !== contactIds.length) {
    throw new PersistenceError('TENANT_MISMATCH', `a phone number or contact does not belong to tenant ${tenantId}`);
  }
}
