import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Db } from '../data-source/db';
import { paginate, type Connection, type PageArgs, type SortKey } from '../pagination/keyset';
import { MessageEntity, type MessageRowStatus } from '../entities/message.entity';
import { assertTenantOwns } from './tenant-ownership';

export type Message = Omit<MessageEntity, 'phoneNumber' | 'contact' | 'conversation'>;

export type MessageInput = Pick<Message, 'phoneNumberId' | 'contactId' | 'direction' | 'type' | 'status'> &
  Partial<Omit<Message, 'id' | 'tenantId' | 'createdAt' | 'phoneNumberId' | 'contactId' | 'direction' | 'type' | 'status'>>;

export async function insertMessage(db: Db, tenantId: string, input: MessageInput): Promise<Message> {
  await assertTenantOwns(db, tenantId, { phoneNumberIds: [input.phoneNumberId], contactIds: [input.contactId], conversationIds: [input.conversationId] });
  const repository = db.getRepository(MessageEntity);
  const { phoneNumber: _p, contact: _c, conversation: _v, ...saved } = await repository.save(repository.create({ ...input, tenantId }));
  return saved;
}

export async function getMessage(db: Db, tenantId: string, messageId: string): Promise<Message | null> {
  return db.getRepository(MessageEntity).findOneBy({ tenantId, id: messageId });
}

export async function findMessageByCommandId(db: Db, tenantId: string, commandId: string): Promise<Message | null> {
  return db.getRepository(MessageEntity).findOneBy({ tenantId, commandId });
}

export async function findMessageByWamid(db: Db, tenantId: string, wamid: string): Promise<Message | null> {
  return db.getRepository(MessageEntity).findOneBy({ tenantId, wamid });
}

const STATUS_TIMESTAMP: Partial<Record<MessageRowStatus, keyof Message>> = {
  ACCEPTED: 'acceptedAt',
  HELD: 'heldAt',
  SENT: 'sentAt',
  DELIVERED: 'deliveredAt',
  READ: 'readAt',
  PLAYED: 'playedAt',
  FAILED: 'failedAt',
};

/**
 * Stores a status the domain's status machine already merged, with its timestamp; the
 * per-status timestamp is kept from its first report (webhooks repeat).
 */
export async function recordMessageStatus(
  db: Db,
  tenantId: string,
  messageId: string,
  update: { status: MessageRowStatus; at: Date; wamid?: string; metaError?: Record<string, unknown> | null; metaErrorCode?: number | null },
): Promise<boolean> {
  const column = STATUS_TIMESTAMP[update.status];
  const builder = db
    .createQueryBuilder()
    .update(MessageEntity)
    .set(<QueryDeepPartialEntity<MessageEntity>>{
      status: update.status,
      ...(update.wamid === undefined ? {} : { wamid: update.wamid }),
      ...(update.metaError === undefined ? {} : { metaError: update.metaError, metaErrorCode: update.metaErrorCode ?? null }),
      ...(column === undefined ? {} : { [column]: () => `COALESCE(${snake(column)}, :at)` }),
    })
    .where('tenant_id = :tenantId AND id = :messageId', { tenantId, messageId, at: update.at });
  const result = await builder.execute();
  return (result.affected ?? 0) > 0;
}

/** Keeps Meta's `pricing` object once per message (it may arrive on sent and again on delivered). */
export async function reconcileMessagePrice(db: Db, tenantId: string, wamid: string, pricing: Record<string, unknown>, at: Date): Promise<boolean> {
  const result = await db
    .createQueryBuilder()
    .update(MessageEntity)
    .set(<QueryDeepPartialEntity<MessageEntity>>{ reconciledPricing: pricing, reconciledAt: at })
    .where('tenant_id = :tenantId AND wamid = :wamid AND reconciled_pricing IS NULL', { tenantId, wamid })
    .execute();
  return (result.affected ?? 0) > 0;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A Relay page of the tenant's messages (of one contact, if given), oldest first. */
export async function listMessagesPage(db: Db, tenantId: string, args: PageArgs & { contactId?: string }): Promise<Connection<Message>> {
  const query = db.getRepository(MessageEntity).createQueryBuilder('message').where('message.tenant_id = :tenantId', { tenantId });
  if (args.contactId !== undefined) query.andWhere('message.contact_id = :contactId', { contactId: args.contactId });
  return paginate(query, MESSAGE_ORDER, args);
}

const MESSAGE_ORDER: readonly SortKey[] = [
  { column: 'message.created_at', type: 'timestamptz' },
  { column: 'message.id', type: 'uuid' },
];
