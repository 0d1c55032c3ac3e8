import type { Db } from '../data-source/db';
import { PersistenceError } from '../persistence.error';

// The foreign keys check only that a row exists; this checks that it is the tenant's own.
const TABLES = {
  phoneNumberIds: 'phone_numbers',
  contactIds: 'contacts',
  wabaIds: 'whatsapp_business_accounts',
  portfolioIds: 'business_portfolios',
  conversationIds: 'conversations',
} as const;

export type OwnedRefs = { readonly [K in keyof typeof TABLES]?: readonly (string | null | undefined)[] };

/** Refuses writes that would attach a tenant's row to another tenant's rows; one query. */
export async function assertTenantOwns(db: Db, tenantId: string, refs: OwnedRefs): Promise<void> {
  const wanted = (Object.keys(TABLES) as (keyof typeof TABLES)[])
    .map((kind) => ({ kind, ids: [...new Set((refs[kind] ?? []).filter((id): id is string => typeof id === 'string'))] }))
    .filter(({ ids }) => ids.length > 0);
  if (wanted.length === 0) return;
  const counts = wanted.map(({ kind }, index) => `(SELECT count(*) FROM ${TABLES[kind]} WHERE tenant_id = $1 AND id = ANY($${index + 2}::uuid[])) AS "${kind}"`);
  const rows = await db.query<Record<string, string>[]>(`SELECT ${counts.join(', ')}`, [tenantId, ...wanted.map(({ ids }) => ids)]);
  const foreign = wanted.filter(({ kind, ids }) => Number(rows[0]?.[kind]) !== ids.length).map(({ kind }) => kind);
  if (foreign.length > 0) {
    throw new PersistenceError('TENANT_MISMATCH', `a row of ${foreign.join(', ')} does not belong to tenant ${tenantId}`);
  }
}
