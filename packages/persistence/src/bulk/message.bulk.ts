import type { Db } from '../data-source/db';
import type { MessageInput } from '../repositories/message.repository';
import { assertTenantOwns } from '../repositories/tenant-ownership';

/** The dispatcher's rows: every one carries its command's id (the idempotency key). */
export type BulkMessageInput = MessageInput & { readonly commandId: string };

export interface BulkInsertResult {
  /** commandId → new message id. */
  readonly inserted: ReadonlyMap<string, string>;
  /** Command ids already recorded for the tenant: left untouched. */
  readonly duplicates: readonly string[];
}

// Column → SQL type of jsonb_to_recordset; the JSON keys are the entity's property names.
const COLUMNS: readonly [keyof MessageInput, string, string][] = [
  ['phoneNumberId', 'phone_number_id', 'uuid'], ['contactId', 'contact_id', 'uuid'], ['conversationId', 'conversation_id', 'uuid'],
  ['direction', 'direction', 'text'], ['type', 'type', 'text'], ['content', 'content', 'jsonb'],
  ['templateName', 'template_name', 'text'], ['templateLanguage', 'template_language', 'text'], ['templateParameters', 'template_parameters', 'jsonb'],
  ['commandId', 'command_id', 'text'], ['decision', 'decision', 'text'], ['reasonCode', 'reason_code', 'text'], ['status', 'status', 'text'],
  ['acceptedAt', 'accepted_at', 'timestamptz'], ['heldAt', 'held_at', 'timestamptz'], ['sentAt', 'sent_at', 'timestamptz'],
  ['deliveredAt', 'delivered_at', 'timestamptz'], ['readAt', 'read_at', 'timestamptz'], ['playedAt', 'played_at', 'timestamptz'],
  ['failedAt', 'failed_at', 'timestamptz'], ['wamid', 'wamid', 'text'], ['metaErrorCode', 'meta_error_code', 'integer'],
  ['metaError', 'meta_error', 'jsonb'], ['pricingCategory', 'pricing_category', 'text'], ['costEstimate', 'cost_estimate', 'numeric'],
  ['costCurrency', 'cost_currency', 'text'], ['reconciledPricing', 'reconciled_pricing', 'jsonb'], ['reconciledAt', 'reconciled_at', 'timestamptz'],
];

const COLUMN_LIST = COLUMNS.map(([, column]) => column).join(', ');
const RECORD_TYPE = COLUMNS.map(([property, , type]) => `"${property}" ${type}`).join(', ');
const SELECT_LIST = COLUMNS.map(([property]) => `x."${property}"`).join(', ');

/**
 * Inserts a batch of message rows in two queries (ownership check, insert); a row whose
 * command id the tenant already has is skipped and reported, so redelivered commands are safe.
 */
export async function insertMessages(db: Db, tenantId: string, messages: readonly BulkMessageInput[]): Promise<BulkInsertResult> {
  if (messages.length === 0) return { inserted: new Map(), duplicates: [] };
  await assertTenantOwns(db, tenantId, {
    phoneNumberIds: messages.map((m) => m.phoneNumberId), contactIds: messages.map((m) => m.contactId), conversationIds: messages.map((m) => m.conversationId),
  });
  const rows = await db.query<{ id: string; command_id: string }[]>(
    `INSERT INTO messages (tenant_id, ${COLUMN_LIST})
     SELECT $1, ${SELECT_LIST} FROM jsonb_to_recordset($2::jsonb) AS x(${RECORD_TYPE})
     ON CONFLICT (tenant_id, command_id) WHERE command_id IS NOT NULL DO NOTHING
     RETURNING id, command_id`,
    [tenantId, JSON.stringify(messages)],
  );
  const inserted = new Map(rows.map((row) => [row.command_id, row.id]));
  const duplicates = messages.flatMap((m) => (inserted.has(m.commandId) ? [] : [m.commandId]));
  return { inserted, duplicates };
}
