import { MetaCloudError, type MessageContent } from '@recado/meta-cloud';
import { getMessage, recordMessageStatus, recordMetaAcceptance, startMetaCall, releaseScheduledSend, rescheduleSend, returnSendToSchedule, scheduleSends, takeThroughputTokens, writeOutboxEvents, type Db, type NewOutboxEvent } from '@recado/persistence';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { applyToConversation } from './conversation-store';
import { DISPATCH_CODES } from './dispatch-codes';
import { applyMetaErrorFollowUps } from '../follow-ups/meta-error-follow-ups';
import { outcomeEvent } from './outcome-events';
import type { AllowedPlan } from './plan-commands';
import { judgeSendResult, type SendVerdict } from './send-result';
import type { SendPathDeps } from './send-path-deps';

/** A command allowed to leave, with its intent (a PENDING message row) already committed. */
export interface AllowedSend {
  readonly planned: AllowedPlan;
  readonly internalTenantId: string;
  readonly attempt: number;
  /** Came back from the schedule (its `scheduled_sends` row is released or moved when done). */
  readonly fromSchedule: boolean;
}

/**
 * Sends the allowed commands of a batch: within the number's shared throughput budget, one
 * contact's messages one after the other (in order), different contacts side by side.
 */
export async function sendAllowed(sends: readonly AllowedSend[], deps: SendPathDeps): Promise<void> {
  const byPair = new Map<string, AllowedSend[]>();
  for (const send of sends) {
    const pair = `${send.planned.phone.id}:${send.planned.contactId}`;
    byPair.set(pair, [...(byPair.get(pair) ?? []), send]);
  }
  const queues = [...byPair.values()];
  const workers = Array.from({ length: Math.min(deps.settings.sendConcurrency, queues.length) }, async () => {
    for (let queue = queues.shift(); queue !== undefined; queue = queues.shift()) {
      for (const send of queue) await sendOne(send, deps);
    }
  });
  await Promise.all(workers);
}

async function waitForToken(db: Db, phoneId: string, deps: SendPathDeps): Promise<void> {
  for (;;) {
    const grant = await takeThroughputTokens(db, phoneId, 1, deps.settings.throughputPerSecond, deps.settings.throughputPerSecond);
    if (grant.granted === 1) return;
    await sleep(grant.retryAfterMs);
  }
}

async function sendOne(send: AllowedSend, deps: SendPathDeps): Promise<void> {
  const { planned } = send;
  const { command } = planned.received;
  const db = deps.dataSource.manager;
  const client = await deps.clients.clientFor(db, send.internalTenantId, planned.phone);
  if (client === null) {
    await record(deps.dataSource, send, { kind: 'failed', reasonCode: DISPATCH_CODES.NO_ACCESS_TOKEN, error: new MetaCloudError({ code: 'INVALID_CONFIG', errorClass: 'AUTH', message: 'no access token for the WhatsApp account' }) }, deps);
    return;
  }
  await waitForToken(db, planned.phone.id, deps);
  // The intent proper: once this is committed, a crash leaves the send in doubt, never resent.
  if (!(await startMetaCall(db, send.internalTenantId, command.commandId, deps.now()))) return;
  const started = process.hrtime.bigint();
  const answer = await client.send({
    to: command.recipient.waId ?? '',
    content: command.content as unknown as MessageContent,
    ...(command.replyTo === undefined ? {} : { replyTo: command.replyTo }),
    bizOpaqueCallbackData: command.commandId,
  });
  deps.metrics.metaLatency.observe(Number(process.hrtime.bigint() - started) / 1e9);
  await record(deps.dataSource, send, judgeSendResult(answer, send.attempt, deps.jitter), deps);
}

async function record(dataSource: DataSource, send: AllowedSend, verdict: SendVerdict, deps: SendPathDeps): Promise<void> {
  const { planned, internalTenantId: tenantId } = send;
  const { command } = planned.received;
  const at = deps.now();
  const outcome = (details: Parameters<typeof outcomeEvent>[1]): NewOutboxEvent =>
    outcomeEvent(command, details, { internalTenantId: tenantId, attempt: send.attempt, at, ...(planned.received.traceparent === undefined ? {} : { traceparent: planned.received.traceparent }) });
  deps.metrics.sendResults.inc({ result: verdict.kind });
  await dataSource.transaction(async (db) => {
    const messageId = await messageIdOf(db, tenantId, command.commandId);
    switch (verdict.kind) {
      case 'sent': {
        await recordMetaAcceptance(db, tenantId, command.commandId, { wamid: verdict.result.wamid, held: verdict.held, at });
        const kind = command.content.type === 'template' ? 'TEMPLATE_SENT' : 'FREE_FORM_SENT';
        await applyToConversation(db, tenantId, planned.phone.id, planned.contactId, { kind, at });
        await writeOutboxEvents(db, [outcome({ outcome: 'sent', wamid: verdict.result.wamid, ...(verdict.result.messageStatus === undefined ? {} : { metaMessageStatus: verdict.result.messageStatus }) })]);
        break;
      }
      case 'retry': {
        const dueAt = new Date(at.getTime() + verdict.delayMs);
        await returnSendToSchedule(db, tenantId, command.commandId, verdict.reasonCode);
        if (send.fromSchedule) await rescheduleSend(db, tenantId, command.commandId, { dueAt, attempt: send.attempt + 1, reasonCode: verdict.reasonCode });
        else await scheduleSends(db, tenantId, [{ commandId: command.commandId, phoneNumberId: planned.phone.id, contactId: planned.contactId, dueAt, attempt: send.attempt + 1, reasonCode: verdict.reasonCode, command }]);
        await writeOutboxEvents(db, [outcome({ outcome: 'deferred', reasonCode: verdict.reasonCode, deferredUntil: dueAt })]);
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
        await writeOutboxEvents(db, [outcome({ outcome: 'failed', reasonCode: verdict.reasonCode, error })]);
        break;
      }
      case 'in-doubt':
        deps.logger.warn('send in doubt: Meta may have the message; it will not be sent again', { commandId: command.commandId, error: verdict.error.message });
        await db.query(`UPDATE messages SET reason_code = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, messageId, DISPATCH_CODES.SEND_IN_DOUBT]);
        break;
    }
    if (send.fromSchedule) await releaseScheduledSend(db, tenantId, command.commandId);
  });
}

async function messageIdOf(db: Db, tenantId: string, commandId: string): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(`SELECT id FROM messages WHERE tenant_id = $1 AND command_id = $2`, [tenantId, commandId]);
  if (row === undefined) throw new Error(`no message row for command ${commandId}`);
  return row.id;
}

const errorJson = (error: { code?: string; message: string; metaCode?: number | undefined; details?: string | undefined }): Record<string, unknown> =>
  ({ code: error.code, message: error.message, metaCode: error.metaCode, details: error.details });
