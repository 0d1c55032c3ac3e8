import type { Db } from '../data-source/db';

export interface TenantRoute {
  readonly tenantId: string;
  readonly wabaId: string;
  readonly phoneNumberId: string | null;
}

/**
 * How a webhook event finds its tenant: the lookups without a tenant id, by Meta's ids,
 * which are unique across tenants. They return ids only, never tenant data.
 */
export async function routeByMetaPhoneNumberId(db: Db, metaPhoneNumberId: string): Promise<TenantRoute | null> {
  const rows = await db.query<{ tenant_id: string; waba_id: string; id: string }[]>(
    `SELECT tenant_id, waba_id, id FROM phone_numbers WHERE meta_phone_number_id = $1`,
    [metaPhoneNumberId],
  );
  const row = rows[0];
  return row ? { tenantId: row.tenant_id, wabaId: row.waba_id, phoneNumberId: row.id } : null;
}

export async function routeByMetaWabaId(db: Db, metaWabaId: string): Promise<TenantRoute | null> {
  const rows = await db.query<{ tenant_id: string; id: string }[]>(`SELECT tenant_id, id FROM whatsapp_business_accounts WHERE meta_waba_id = $1`, [metaWabaId]);
  const row = rows[0];
  return row ? { tenantId: row.tenant_id, wabaId: row.id, phoneNumberId: null } : null;
}
