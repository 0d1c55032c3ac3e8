import { IsNull } from 'typeorm';
import type { Db } from '../data-source/db';
import { updatedCount } from './updated-rows';
import { MessageEntity, type MessageRowStatus } from '../entities/message.entity';
import type { Message } from '../repositories/message.repository';

/**
 * The message a status webhook is about, locked for the caller's transaction: by wamid, else
 * by the command id the dispatcher passed as `biz_opaque_callback_data`, if that row has no
 * wamid yet (a send whose answer from Meta was lost).
 */
export async function lockMessageForStatus(db: Db, tenantId: string, keys: { wamid: string; commandId?: string | undefined }): Promise<Message | null> {
  const repository = db.getRepository(MessageEntity);
  const lock = { mode: 'pessimistic_write' } as const;
  const byWamid = await repository.findOne({ where: { tenantId, wamid: keys.wamid }, lock });
  if (byWamid !== null || keys.commandId === undefined) return byWamid;
  return repository.findOne({ where: { tenantId, commandId: keys.commandId, wamid: IsNull() }, lock });
}

/** Every column a merged status decides, written together. */
export interface MergedStatusColumns {
  readonly status: MessageRowStatus;
  readonly wamid: string;
  readonly acceptedAt: Date | null;
  readonly sentAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly readAt: Date | null;
  readonly playedAt: Date | null;
  readonly failedAt: Date | null;
  readonly metaError: Record<string, unknown> | null;
  readonly metaErrorCode: number | null;
}

/** Writes the result of the domain's status merge; the wamid is only ever filled in, never replaced. */
export async function writeMergedStatus(db: Db, tenantId: string, messageId: string, columns: MergedStatusColumns): Promise<boolean> {
  const result = await db.query<unknown>(
    `UPDATE messages SET status = $3, wamid = COALESCE(wamid, $4), accepted_at = $5, sent_at = $6, delivered_at = $7, read_at = $8,
       played_at = $9, failed_at = $10, meta_error = $11, meta_error_code = $12
     WHERE tenant_id = $1 AND id = $2 RETURNING 1`,
    [
      tenantId, messageId, columns.status, columns.wamid, columns.acceptedAt, columns.sentAt, columns.deliveredAt, columns.readAt,
      columns.playedAt, columns.failedAt, columns.metaError === null ? null : JSON.stringify(columns.metaError), columns.metaErrorCode,
    ],
  );
  return updatedCount(result) === 1;
}
