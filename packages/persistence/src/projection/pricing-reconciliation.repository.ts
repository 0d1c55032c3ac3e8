import type { Db } from '../data-source/db';

export interface PricingReconciliationInput {
  readonly messageId: string;
  readonly wamid: string;
  /** What Recado predicted; null when no prediction could be made. */
  readonly expected: Record<string, unknown> | null;
  /** The status webhook's `pricing` object. */
  readonly actual: Record<string, unknown>;
  readonly conversation: Record<string, unknown> | null;
  /** Null when there was nothing to compare with. */
  readonly matches: boolean | null;
  readonly differences: readonly Record<string, unknown>[];
  readonly reconciledAt: Date;
}

export interface PricingReconciliation extends PricingReconciliationInput {
  readonly tenantId: string;
}

/** One reconciliation per message (Meta repeats `pricing` on sent and delivered); false when it already had one. */
export async function recordPricingReconciliation(db: Db, tenantId: string, input: PricingReconciliationInput): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `INSERT INTO pricing_reconciliations (message_id, tenant_id, wamid, expected, actual, conversation, matches, differences, reconciled_at)
     SELECT m.id, m.tenant_id, $3, $4, $5, $6, $7, $8, $9 FROM messages m WHERE m.tenant_id = $1 AND m.id = $2
     ON CONFLICT (message_id) DO NOTHING RETURNING 1`,
    [
      tenantId, input.messageId, input.wamid, json(input.expected), JSON.stringify(input.actual), json(input.conversation),
      input.matches, JSON.stringify(input.differences), input.reconciledAt,
    ],
  );
  return rows.length === 1;
}

const json = (value: Record<string, unknown> | null): string | null => (value === null ? null : JSON.stringify(value));

interface ReconciliationRow {
  message_id: string;
  tenant_id: string;
  wamid: string;
  expected: Record<string, unknown> | null;
  actual: Record<string, unknown>;
  conversation: Record<string, unknown> | null;
  matches: boolean | null;
  differences: Record<string, unknown>[];
  reconciled_at: Date;
}

export async function getPricingReconciliation(db: Db, tenantId: string, messageId: string): Promise<PricingReconciliation | null> {
  const rows = await db.query<ReconciliationRow[]>(`SELECT * FROM pricing_reconciliations WHERE tenant_id = $1 AND message_id = $2`, [tenantId, messageId]);
  const row = rows[0];
  if (row === undefined) return null;
  return {
    messageId: row.message_id,
    tenantId: row.tenant_id,
    wamid: row.wamid,
    expected: row.expected,
    actual: row.actual,
    conversation: row.conversation,
    matches: row.matches,
    differences: row.differences,
    reconciledAt: new Date(row.reconciled_at),
  };
}
