import type { ConversationState } from './conversation.repository';

export interface ConversationStateRow {
  phone_number_id: string;
  contact_id: string;
  tenant_id: string;
  last_inbound_at: Date | string | null;
  closed_by_meta_at: Date | string | null;
  entry_point: { referralAt: string; openedAt: string | null } | null;
  re_engagement_sent_at: Date | string | null;
  updated_at: Date | string;
}

const dateOrNull = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/** A `conversation_states` row as the driver returns it (PGlite may give dates as text). */
export const conversationStateFromRow = (row: ConversationStateRow): ConversationState => ({
  phoneNumberId: row.phone_number_id,
  contactId: row.contact_id,
  tenantId: row.tenant_id,
  lastInboundAt: dateOrNull(row.last_inbound_at),
  closedByMetaAt: dateOrNull(row.closed_by_meta_at),
  entryPoint: row.entry_point,
  reEngagementSentAt: dateOrNull(row.re_engagement_sent_at),
  updatedAt: new Date(row.updated_at),
});
