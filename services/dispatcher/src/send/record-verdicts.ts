import { getMessage, recordMessageStatus, recordMetaAcceptances, releaseScheduledSend, rescheduleSend, returnSendToSchedule, scheduleSends, writeOutboxEvents, type Db, type NewOutboxEvent } from '@recado/persistence';
import { setTimeout as sleep } from 'node:timers/promises';
import { moveConversations } from '../conversation/conversation-moves';
import { applyMetaErrorFollowUps } from '../follow-ups/meta-error-follow-ups';
import { DISPATCH_CODES } from './dispatch-codes';
import { outcomeEvent } from './outcome-events';
import type { AllowedSend } from './send-allowed';
import type { SendVerdict } from './send-result';
import type { SendPathDeps } from './send-path-deps';
import { groupBy } from './send-waves';

export interface JudgedSend {
  readonly send: AllowedSend;
  readonly verdict: SendVerdict;
}

type Verdict<K extends SendVerdict['kind']> = Extract<SendVerdict, { kind: K }>;

/** Attempts at recording Meta's answers before giving up (the sends are then settled as in doubt). */
const RECORD_ATTEMPTS = 5;

/**
 * Records Meta's answers: the accepted sends of each tenant in one transaction, every other
 * answer (retry, failure, in doubt — rare) in its own. Meta has already acted, so a failing
 * transaction is tried again a few times before the error reaches the batch.
 */
export async function recordVerdicts(judged: readonly JudgedSend[], deps: SendPathDeps): Promise<void> {
  for (const { verdict } of judged) deps.metrics.sendResults.inc({ result: verdict.kind });
  const sent = judged.filter((item): item is JudgedSend & { verdict: Verdict<'sent'> } => item.verdict.kind === 'sent');
  for (const tenantSent of groupBy(sent, (item) => item.send.internalTenantId)) {
    await withRetries(() => deps.dataSource.transaction((db) => recordSent(db, tenantSent, deps)), deps);
  }
  for (const other of judged.filter((item) => item.verdict.kind !== 'sent')) {
    await withRetries(() => deps.dataSource.transaction((db) => recordUnsent(db, other, deps)), deps);
  }
}

async function recordSent(db: Db, sent: readonly (JudgedSend & { verdict: Verdict<'sent'> })[], deps: SendPathDeps): Promise<void> {
  const tenantId = sent[0]?.send.internalTenantId ?? '';
  const at = deps.now();
  await recordMetaAcceptances(db, tenantId, sent.map(({ send, verdict }) => ({ commandId: send.planned.received.command.commandId, wamid: verdict.result.wamid, held: verdict.held, at })));
  await moveConversations(db, tenantId, sent.map(({ send }) => ({
    pair: { phoneNumberId: send.planned.phone.id, contactId: send.planned.contactId },
    event: { kind: send.planned.received.command.content.type === 'template' ? 'TEMPLATE_SENT' : 'FREE_FORM_SENT', at },
  })));
  await writeOutboxEvents(db, sent.map(({ send, verdict }) => outcomeOf(send, at, {
    outcome: 'sent', wamid: verdict.result.wamid, ...(verdict.result.messageStatus === undefined ? {} : { metaMessageStatus: verdict.result.messageStatus }),
  })));
  for (const { send } of sent) if (send.fromSchedule) await releaseScheduledSend(db, tenantId, send.planned.received.command.commandId);
}

async function recordUnsent(db: Db, { send, verdict }: JudgedSend, deps: SendPathDeps): Promise<void> {
  const { planned, internalTenantId: tenantId } = send;
  const { command } = planned.received;
  const at = deps.now();
  const messageId = await messageIdOf(db, tenantId, command.commandId);
  switch (verdict.kind) {
    case 'sent':
      throw new Error('accepted sends are recorded in bulk');
    case 'retry': {
      const dueAt = new Date(at.getTime() + verdict.delayMs);
      await returnSendToSchedule(db, tenantId, command.commandId, verdict.reasonCode);
      if (send.fromSchedule) await rescheduleSend(db, tenantId, command.commandId, { dueAt, attempt: send.attempt + 1, reasonCode: verdict.reasonCode });
      else await scheduleSends(db, tenantId, [{ commandId: command.commandId, phoneNumberId: planned.phone.id, contactId: planned.contactId, dueAt, attempt: send.attempt + 1, reasonCode: verdict.reasonCode, command }]);
      await writeOutboxEvents(db, [outcomeOf(send, at, { outcome: 'deferred', reasonCode: verdict.reasonCode, deferredUntil: dueAt })]);
      return;
    }
    case 'failed': {
      await recordMessageStatus(db, tenantId, messageId, { status: 'FAILED', at, metaError: errorJson(verdict.error), metaErrorCode: verdict.error.metaCode ?? null });
      await db.query(`UPDATE messages SET reason_code = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, messageId, verdict.reasonCode]);
      if (verdict.error.metaCode !== undefined) {
        const message = await getMessage(db, tenantId, messageId);
        const route = { tenantId, wabaId: planned.phone.wabaId, phoneNumberId: planned.phone.id };
        const errors = [{ code: verdict.error.metaCode, title: verdict.error.message, ...(verdict.error.details === undefined ? {} : { details: verdict.error.details }) }];
        if (message !== null) await applyMetaErrorFollowUps(db, { route, message, failedAt: at, errors }, { logger: deps.logger, receivedAt: at });
      }
      const error = { code: verdict.error.code ?? 'FAILED', message: verdict.error.message, ...(verdict.error.metaCode === undefined ? {} : { metaCode: verdict.error.metaCode }), retryable: false };
      await writeOutboxEvents(db, [outcomeOf(send, at, { outcome: 'failed', reasonCode: verdict.reasonCode, error })]);
      break;
    }
    case 'in-doubt':
      deps.logger.warn('send in doubt: Meta may have the message; it will not be sent again', { commandId: command.commandId, error: verdict.error.message });
      await db.query(`UPDATE messages SET reason_code = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, messageId, DISPATCH_CODES.SEND_IN_DOUBT]);
      break;
  }
  if (send.fromSchedule) await releaseScheduledSend(db, tenantId, command.commandId);
}

function outcomeOf(send: AllowedSend, at: Date, details: Parameters<typeof outcomeEvent>[1]): NewOutboxEvent {
  const { received } = send.planned;
  return outcomeEvent(received.command, details, {
    internalTenantId: send.internalTenantId, attempt: send.attempt, at, ...(received.traceparent === undefined ? {} : { traceparent: received.traceparent }),
  });
}

async function withRetries(record: () => Promise<void>, deps: SendPathDeps): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await record();
      return;
    } catch (error) {
      if (attempt >= RECORD_ATTEMPTS) throw error;
      deps.logger.warn('recording Meta answers failed; trying again', { attempt, error: error instanceof Error ? error.message : String(error) });
      await sleep(50 * 2 ** attempt);
    }
  }
}

async function messageIdOf(db: Db, tenantId: string, commandId: string): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(`SELECT id FROM messages WHERE tenant_id = $1 AND command_id = $2`, [tenantId, commandId]);
  if (row === undefined) throw new Error(`no message row for command ${commandId}`);
  return row.id;
}

const errorJson = (error: { code?: string; message: string; metaCode?: number | undefined; details?: string | undefined }): Record<string, unknown> =>
  ({ code: error.code, message: error.message, metaCode: error.metaCode, details: error.details });
