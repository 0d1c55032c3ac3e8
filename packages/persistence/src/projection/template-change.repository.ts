import type { Db } from '../data-source/db';
import type { TemplateChangeKind } from '../entities/template-history.entity';

/** When the template's status, category or quality last changed, by Meta's clock (null: never). */
export async function lastTemplateChangeAt(db: Db, tenantId: string, templateId: string, kind: TemplateChangeKind): Promise<Date | null> {
  const rows = await db.query<{ last: Date | null }[]>(
    `SELECT max(occurred_at) AS last FROM template_history WHERE tenant_id = $1 AND template_id = $2 AND kind = $3`,
    [tenantId, templateId, kind],
  );
  const last = rows[0]?.last ?? null;
  return last === null ? null : new Date(last);
}
