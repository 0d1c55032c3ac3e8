import type { Db } from '../data-source/db';
import { assertTenantOwns } from '../repositories/tenant-ownership';

export interface AccountEventInput {
  readonly eventId: string;
  /** The internal WABA id the event was routed to. */
  readonly wabaId: string;
  readonly phoneNumberId: string | null;
  /** The CloudEvents type. */
  readonly type: string;
  /** Meta's `event` field when there is one (`FLAGGED`, `ACCOUNT_VIOLATION`…). */
  readonly event: string | null;
  readonly data: Record<string, unknown>;
  readonly occurredAt: Date;
}

export interface AccountEvent extends AccountEventInput {
  readonly tenantId: string;
  readonly recordedAt: Date;
}

/** Records an account-level event as received; false when it was already recorded. */
export async function recordAccountEvent(db: Db, tenantId: string, input: AccountEventInput): Promise<boolean> {
  if (input.phoneNumberId !== null) await assertTenantOwns(db, tenantId, { phoneNumberIds: [input.phoneNumberId] });
  const rows = await db.query<unknown[]>(
    `INSERT INTO account_event_log (event_id, tenant_id, waba_id, phone_number_id, type, event, data, occurred_at)
     SELECT $1, $2, w.id, $4, $5, $6, $7, $8 FROM whatsapp_business_accounts w WHERE w.tenant_id = $2 AND w.id = $3
     ON CONFLICT (event_id) DO NOTHING RETURNING 1`,
    [input.eventId, tenantId, input.wabaId, input.phoneNumberId, input.type, input.event, JSON.stringify(input.data), input.occurredAt],
  );
  return rows.length === 1;
}

interface AccountEventRow {
  event_id: string;
  tenant_id: string;
  waba_id: string;
  phone_number_id: string | null;
  type: string;
  event: string | null;
  data: Record<string, unknown>;
  occurred_at: Date;
  recorded_at: Date;
}

export async function listAccountEvents(db: Db, tenantId: string, wabaId?: string): Promise<AccountEvent[]> {
  const rows = await db.query<AccountEventRow[]>(
    `SELECT * FROM account_event_log WHERE tenant_id = $1 AND ($2::uuid IS NULL OR waba_id = $2) ORDER BY occurred_at, event_id`,
    [tenantId, wabaId ?? null],
  );
  return rows.map((row) => ({
    eventId: row.event_id,
    tenantId: row.tenant_id,
    wabaId: row.waba_id,
    phoneNumberId: row.phone_number_id,
    type: row.type,
    event: row.event,
    data: row.data,
    occurredAt: new Date(row.occurred_at),
    recordedAt: new Date(row.recorded_at),
  }));
}
