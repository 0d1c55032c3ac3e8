import type { Db } from '../data-source/db';

export interface UnroutedEventInput {
  readonly eventId: string;
  readonly type: string;
  /** Why the event could not be applied: `PHONE_NUMBER_UNKNOWN`, `TEMPLATE_UNKNOWN`… */
  readonly reasonCode: string;
  /** The tenant, when routing got that far. */
  readonly tenantId: string | null;
  readonly metaWabaId: string | null;
  readonly metaPhoneNumberId: string | null;
  /** The whole CloudEvent, so it can be redriven once its number, template or message exists. */
  readonly event: Record<string, unknown>;
  readonly receivedAt: Date;
}

export type UnroutedEvent = UnroutedEventInput;

/**
 * Keeps an event the projector could not route (never dropped); false when it was already
 * kept. Like routing itself, this runs before a tenant is known, so the tenant id is optional.
 */
export async function keepUnroutedEvent(db: Db, input: UnroutedEventInput): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `INSERT INTO unrouted_events (event_id, type, reason_code, tenant_id, meta_waba_id, meta_phone_number_id, event, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING RETURNING 1`,
    [input.eventId, input.type, input.reasonCode, input.tenantId, input.metaWabaId, input.metaPhoneNumberId, JSON.stringify(input.event), input.receivedAt],
  );
  return rows.length === 1;
}

interface UnroutedRow {
  event_id: string;
  type: string;
  reason_code: string;
  tenant_id: string | null;
  meta_waba_id: string | null;
  meta_phone_number_id: string | null;
  event: Record<string, unknown>;
  received_at: Date;
}

/** Kept events, oldest first: of one tenant, or (`null`) those no tenant owns. */
export async function listUnroutedEvents(db: Db, filter: { tenantId: string | null; reasonCode?: string }): Promise<UnroutedEvent[]> {
  const rows = await db.query<UnroutedRow[]>(
    `SELECT * FROM unrouted_events WHERE tenant_id IS NOT DISTINCT FROM $1 AND ($2::text IS NULL OR reason_code = $2)
     ORDER BY received_at, event_id`,
    [filter.tenantId, filter.reasonCode ?? null],
  );
  return rows.map((row) => ({
    eventId: row.event_id,
    type: row.type,
    reasonCode: row.reason_code,
    tenantId: row.tenant_id,
    metaWabaId: row.meta_waba_id,
    metaPhoneNumberId: row.meta_phone_number_id,
    event: row.event,
    receivedAt: new Date(row.received_at),
  }));
}
