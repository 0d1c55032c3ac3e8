import type { Db } from '../data-source/db';
import { getConversationState, type ConversationState } from '../repositories/conversation.repository';
import { assertTenantOwns } from '../repositories/tenant-ownership';

/**
 * The window facts of one (number, contact) pair, locked until the caller's transaction ends
 * so that concurrent writers (projector, dispatcher) take turns; an empty row is created first
 * so that there is a row to lock.
 */
export async function lockConversationState(db: Db, tenantId: string, phoneNumberId: string, contactId: string): Promise<ConversationState> {
  await assertTenantOwns(db, tenantId, { phoneNumberIds: [phoneNumberId], contactIds: [contactId] });
  await db.query(
    `INSERT INTO conversation_states (phone_number_id, contact_id, tenant_id) VALUES ($1, $2, $3) ON CONFLICT (phone_number_id, contact_id) DO NOTHING`,
    [phoneNumberId, contactId, tenantId],
  );
  await db.query(`SELECT 1 FROM conversation_states WHERE tenant_id = $1 AND phone_number_id = $2 AND contact_id = $3 FOR UPDATE`, [tenantId, phoneNumberId, contactId]);
  const state = await getConversationState(db, tenantId, phoneNumberId, contactId);
  if (state === null) throw new Error(`conversation state ${phoneNumberId}/${contactId} vanished under its lock`);
  return state;
}
