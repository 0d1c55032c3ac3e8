import type { Db } from '../data-source/db';
import { ConversationStateEntity } from '../entities/conversation-state.entity';
import type { ConversationState } from '../repositories/conversation.repository';
import { assertTenantOwns } from '../repositories/tenant-ownership';

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
 * (number, contact) order. Rows are created and locked in that order, so two writers of
 * overlapping pairs wait for each other instead of deadlocking.
 */
export async function lockConversationStates(db: Db, tenantId: string, pairs: readonly ConversationPair[]): Promise<ConversationState[]> {
  const ordered = distinctInOrder(pairs);
  if (ordered.length === 0) return [];
  await assertTenantOwns(db, tenantId, { phoneNumberIds: ordered.map((pair) => pair.phoneNumberId), contactIds: ordered.map((pair) => pair.contactId) });
  const phones = ordered.map((pair) => pair.phoneNumberId);
  const contacts = ordered.map((pair) => pair.contactId);
  await db.query(
    `INSERT INTO conversation_states (phone_number_id, contact_id, tenant_id)
     SELECT phone, contact, $3 FROM unnest($1::uuid[], $2::uuid[]) AS pair(phone, contact) ORDER BY phone, contact
     ON CONFLICT (phone_number_id, contact_id) DO NOTHING`,
    [phones, contacts, tenantId],
  );
  const rows = await db
    .getRepository(ConversationStateEntity)
    .createQueryBuilder('state')
    .where('state.tenant_id = :tenantId', { tenantId })
    .andWhere('(state.phone_number_id, state.contact_id) IN (SELECT * FROM unnest(CAST(:phones AS uuid[]), CAST(:contacts AS uuid[])))', { phones, contacts })
    .orderBy('state.phone_number_id')
    .addOrderBy('state.contact_id')
    .setLock('pessimistic_write')
    .getMany();
  return rows.map(({ phoneNumber: _p, contact: _c, ...state }) => state);
}

function distinctInOrder(pairs: readonly ConversationPair[]): ConversationPair[] {
  const byKey = new Map(pairs.map((pair) => [`${pair.phoneNumberId}:${pair.contactId}`, { phoneNumberId: pair.phoneNumberId, contactId: pair.contactId }]));
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, pair]) => pair);
}
