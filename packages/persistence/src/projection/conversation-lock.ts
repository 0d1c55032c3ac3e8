import type { Db } from '../data-source/db';
import type { ConversationState, ConversationStateInput } from '../repositories/conversation.repository';
import { PersistenceError } from '../persistence.error';
import { conversationStateFromRow, type ConversationStateRow } from '../repositories/conversation-state.row';

export interface ConversationPair {
  readonly phoneNumberId: string;
  readonly contactId: string;
}

/**
 * The window facts of one (number, contact) pair, locked until the caller's transaction ends
 * so that concurrent writers (projector, dispatcher) take turns; an empty row is created first
 * so that there is a row to lock.
 */
export async function lockConversationState(db: Db, tenantId: string, phoneNumberId: string, contactId: string): Promise<ConversationState> {
  const [state] = await lockConversationStates(db, tenantId, [{ phoneNumberId, contactId }]);
  if (state === undefined) throw new Error(`conversation state ${phoneNumberId}/${contactId} vanished under its lock`);
  return state;
}

/**
 * Several pairs' window facts, locked like `lockConversationState`, one row per distinct pair in
 * (number, contact) order, in one statement. Rows are created and locked in that order, so two
 * writers of overlapping pairs wait for each other instead of deadlocking. Refuses pairs whose
 * number or contact is not the tenant's.
 */
export async function lockConversationStates(db: Db, tenantId: string, pairs: readonly ConversationPair[]): Promise<ConversationState[]> {
  const ordered = distinctInOrder(pairs);
  if (ordered.length === 0) return [];
  const phones = ordered.map((pair) => pair.phoneNumberId);
  const contacts = ordered.map((pair) => pair.contactId);
  // ON CONFLICT locks the rows that exist before its WHERE is read; WHERE false leaves them unwritten.
  await db.query(
    `INSERT INTO conversation_states AS s (phone_number_id, contact_id, tenant_id)
     SELECT pair.phone, pair.contact, $3 FROM unnest($1::uuid[], $2::uuid[]) AS pair(phone, contact)
     JOIN phone_numbers p ON p.id = pair.phone AND p.tenant_id = $3
     JOIN contacts c ON c.id = pair.contact AND c.tenant_id = $3
     ORDER BY pair.phone, pair.contact
     ON CONFLICT (phone_number_id, contact_id) DO UPDATE SET tenant_id = s.tenant_id WHERE false`,
    [phones, contacts, tenantId],
  );
  const rows = await db.query<ConversationStateRow[]>(
    `SELECT s.* FROM conversation_states s JOIN unnest($1::uuid[], $2::uuid[]) AS pair(phone, contact)
       ON s.phone_number_id = pair.phone AND s.contact_id = pair.contact
     WHERE s.tenant_id = $3`,
    [phones, contacts, tenantId],
  );
  if (rows.length !== ordered.length) {
    throw new PersistenceError('TENANT_MISMATCH', `a number or contact of these conversations does not belong to tenant ${tenantId}`);
  }
  return rows.map(conversationStateFromRow).sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
}

/** Writes window facts of pairs this transaction has locked with `lockConversationStates`, in one statement. */
export async function writeLockedConversationStates(db: Db, tenantId: string, states: readonly ConversationStateInput[]): Promise<void> {
  if (states.length === 0) return;
  const [, updated] = await db.query<[unknown, number]>(
    `UPDATE conversation_states s SET last_inbound_at = x.last_inbound_at, closed_by_meta_at = x.closed_by_meta_at, entry_point = x.entry_point,
       re_engagement_sent_at = x.re_engagement_sent_at, updated_at = x.updated_at
     FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::jsonb[], $6::timestamptz[], $7::timestamptz[])
       AS x(phone, contact, last_inbound_at, closed_by_meta_at, entry_point, re_engagement_sent_at, updated_at)
     WHERE s.phone_number_id = x.phone AND s.contact_id = x.contact AND s.tenant_id = $8`,
    [
      states.map((state) => state.phoneNumberId),
      states.map((state) => state.contactId),
      states.map((state) => state.lastInboundAt),
      states.map((state) => state.closedByMetaAt),
      states.map((state) => (state.entryPoint === null ? null : JSON.stringify(state.entryPoint))),
      states.map((state) => state.reEngagementSentAt),
      states.map((state) => state.updatedAt),
      tenantId,
    ],
  );
  if (updated !== states.length) throw new Error(`${states.length - updated} of ${states.length} conversation states to write have no row of tenant ${tenantId}`);
}

const keyOf = (pair: ConversationPair): string => `${pair.phoneNumberId}:${pair.contactId}`;
const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function distinctInOrder(pairs: readonly ConversationPair[]): ConversationPair[] {
  const byKey = new Map(pairs.map((pair) => [keyOf(pair), { phoneNumberId: pair.phoneNumberId, contactId: pair.contactId }]));
  return [...byKey.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([, pair]) => pair);
}
