import type { Db } from '../data-source/db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolves the tenant a command names, by id or by slug; returns the tenant ids found, by the name given. */
export async function resolveTenantRefs(db: Db, refs: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(refs)];
  if (unique.length === 0) return new Map();
  const ids = unique.filter((ref) => UUID.test(ref));
  const rows = await db.query<{ id: string; slug: string }[]>(`SELECT id, slug FROM tenants WHERE id = ANY($1::uuid[]) OR slug = ANY($2::text[])`, [ids, unique]);
  const found = new Map<string, string>();
  for (const row of rows) {
    if (unique.includes(row.slug)) found.set(row.slug, row.id);
    // Every spelling of the id given (ids are case-insensitive): each command is looked up by its own.
    for (const ref of ids) if (ref.toLowerCase() === row.id) found.set(ref, row.id);
  }
  return found;
}
