import type { Db } from '../data-source/db';
import { ConversationStateEntity } from '../entities/conversation-state.entity';
import { ConversationEntity } from '../entities/conversation.entity';
import { assertTenantOwns } from './tenant-ownership';

export type ConversationState = Omit<ConversationStateEntity, 'phoneNumber' | 'contact'>;
export type Conversation = Omit<ConversationEntity, 'phoneNumber' | 'contact'>;

export type ConversationStateInput = Omit<ConversationState, 'tenantId'>;

/** Writes the window facts of one (business number, contact) pair. */
export async function saveConversationState(db: Db, tenantId: string, state: ConversationStateInput): Promise<void> {
  await saveConversationStates(db, tenantId, [state]);
}

/** Writes the window facts of several pairs in one statement (each pair at most once). */
export async function saveConversationStates(db: Db, tenantId: string, states: readonly ConversationStateInput[]): Promise<void> {
  if (states.length === 0) return;
  await assertTenantOwns(db, tenantId, { phoneNumberIds: states.map((state) => state.phoneNumberId), contactIds: states.map((state) => state.contactId) });
  await db.getRepository(ConversationStateEntity).upsert(states.map((state) => ({ ...state, tenantId })), ['phoneNumberId', 'contactId']);
}

export async function getConversationState(db: Db, tenantId: string, phoneNumberId: string, contactId: string): Promise<ConversationState | null> {
  return db.getRepository(ConversationStateEntity).findOneBy({ tenantId, phoneNumberId, contactId });
}

export type ConversationInput = Omit<Conversation, 'id' | 'tenantId' | 'createdAt'>;

export async function recordConversation(db: Db, tenantId: string, input: ConversationInput): Promise<Conversation> {
  await assertTenantOwns(db, tenantId, { phoneNumberIds: [input.phoneNumberId], contactIds: [input.contactId] });
  const repository = db.getRepository(ConversationEntity);
  const { phoneNumber: _p, contact: _c, ...saved } = await repository.save(repository.create({ ...input, tenantId }));
  return saved;
}

export async function listConversations(db: Db, tenantId: string, contactId: string): Promise<Conversation[]> {
  return db.getRepository(ConversationEntity).find({ where: { tenantId, contactId }, order: { openedAt: 'ASC', id: 'ASC' } });
}
