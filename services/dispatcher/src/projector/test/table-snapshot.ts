import type { DataSource } from 'typeorm';

/** Every table the projector writes. */
export const PROJECTED_TABLES = [
  'contacts', 'messages', 'conversation_states', 'consent_records', 'current_consents', 'templates', 'template_history',
  'phone_numbers', 'business_portfolios', 'unrouted_events', 'account_event_log', 'pricing_reconciliations', 'processed_events',
] as const;

/** Each table's rows as JSON text, sorted: equal snapshots mean equal contents. */
export async function snapshotTables(dataSource: DataSource): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of PROJECTED_TABLES) {
    const rows = await dataSource.query<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM "${table}" t`);
    snapshot[table] = rows.map((r) => r.row).sort();
  }
  return snapshot;
}
