import {
  classifyMetaError,
  marketingHoldUntil,
  marketingOptOutFromDeliveryError,
  retryDelayMs,
  type ErrorFollowUp,
  type MetaErrorClassification,
  type MetaErrorDetail,
} from '@recado/domain';
import { haltPhoneNumber, holdContactMarketing, markContactUndeliverable, markTemplateStatusFromError, type Db, type Message } from '@recado/persistence';
import { appendToLedger } from '../projector/consent-ledger';
import { moveConversation } from '../conversation/conversation-moves';
import type { ProjectionContext } from '../projector/projection';
import type { PhoneRoute } from '../projector/routing';

/** A message Meta refused: in the send response (send path) or in a `failed` status (projector). */
export interface FailedMessage {
  readonly route: PhoneRoute;
  readonly message: Message;
  readonly failedAt: Date;
  readonly errors: readonly MetaErrorDetail[];
}

/** Applies what each Meta error implies beyond the message (the domain names the follow-ups; the table is the same for both origins). */
export async function applyMetaErrorFollowUps(db: Db, failed: FailedMessage, context: ProjectionContext): Promise<void> {
  for (const error of failed.errors) {
    const rule = classifyMetaError({ code: error.code, origin: 'STATUS_WEBHOOK' });
    for (const followUp of rule.followUps) await applyFollowUp(db, followUp, { failed, error, rule }, context);
  }
}

interface FollowUpFacts {
  readonly failed: FailedMessage;
  readonly error: MetaErrorDetail;
  readonly rule: MetaErrorClassification;
}

async function applyFollowUp(db: Db, followUp: ErrorFollowUp, { failed, error, rule }: FollowUpFacts, context: ProjectionContext): Promise<void> {
  const { route, message, failedAt } = failed;
  const tenantId = route.tenantId;
  switch (followUp) {
    case 'MARK_WINDOW_CLOSED':
      // Meta refused a message sent at this time: the window is closed from the send on.
      await moveConversation(db, tenantId, { phoneNumberId: message.phoneNumberId, contactId: message.contactId }, { kind: 'WINDOW_CLOSED_BY_META', at: message.acceptedAt ?? message.sentAt ?? failedAt });
      return;
    case 'RECORD_MARKETING_OPT_OUT':
      await appendToLedger(db, tenantId, { contactId: message.contactId, phoneNumberId: message.phoneNumberId },
        marketingOptOutFromDeliveryError(failedAt, error.details ?? error.title), { messageId: message.id, wamid: message.wamid ?? '' }, context.logger);
      return;
    case 'MARK_CONTACT_UNDELIVERABLE':
      await markContactUndeliverable(db, tenantId, message.contactId, failedAt);
      return;
    case 'HOLD_RECIPIENT_MARKETING_24H':
      await holdContactMarketing(db, tenantId, message.contactId, marketingHoldUntil(failedAt));
      return;
    case 'MARK_TEMPLATE_PAUSED':
    case 'MARK_TEMPLATE_DISABLED':
      await markTemplateFromError(db, failed, followUp === 'MARK_TEMPLATE_PAUSED' ? 'PAUSED' : 'DISABLED', error.code);
      return;
    case 'HALT_SENDER':
      await haltSender(db, failed, rule, context);
      return;
    case 'BACK_OFF_RECIPIENT':
    case 'THROTTLE_SENDER':
      // Pacing: the send path's retry delay spaces the next attempt; nothing to record.
      return;
    case 'REFRESH_ACCESS_TOKEN':
    case 'SYNC_TEMPLATES':
    case 'BLOCK_COUNTRY':
    case 'ALERT_OPERATOR':
      context.logger.warn('meta error needs an operator', { followUp, metaCode: error.code, wamid: message.wamid, tenantId });
      return;
  }
}

async function markTemplateFromError(db: Db, { route, message, failedAt }: FailedMessage, status: 'PAUSED' | 'DISABLED', code: number): Promise<void> {
  if (message.templateName === null || message.templateLanguage === null) return;
  const key = { wabaId: route.wabaId, name: message.templateName, language: message.templateLanguage };
  await markTemplateStatusFromError(db, route.tenantId, key, status, failedAt, `Meta error ${code}`);
}

/** Halts the number for the error's minimum delay; an error with none needs an operator instead. */
async function haltSender(db: Db, { route, message, failedAt }: FailedMessage, rule: MetaErrorClassification, context: ProjectionContext): Promise<void> {
  const delayMs = retryDelayMs(rule, 0);
  if (delayMs === null) {
    context.logger.warn('meta error halts the sender until an operator resumes it', { metaCode: rule.code, phoneNumberId: route.phoneNumberId });
    return;
  }
  await haltPhoneNumber(db, route.tenantId, message.phoneNumberId, new Date(failedAt.getTime() + delayMs));
}
