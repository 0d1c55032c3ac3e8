import type { ErrorFollowUp } from '@recado/domain';
import { appendConsent, haltPhoneNumber, markTemplateStatusFromError, updateContact, type Db } from '@recado/persistence';
import { applyToConversation } from './conversation-store';
import type { Logger } from '@recado/service-kit';
import type { AllowedPlan } from './plan-commands';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface FollowUpContext {
  readonly db: Db;
  readonly tenantId: string;
  readonly planned: AllowedPlan;
  readonly metaCode: number | undefined;
  readonly sentAt: Date;
  readonly logger: Logger;
}

/** Applies what a Meta error implies beyond this message (the rules engine names them; RULES.md §6.2). */
export async function applyFollowUps(followUps: readonly ErrorFollowUp[], context: FollowUpContext): Promise<void> {
  for (const followUp of followUps) await applyFollowUp(followUp, context);
}

async function applyFollowUp(followUp: ErrorFollowUp, { db, tenantId, planned, metaCode, sentAt, logger }: FollowUpContext): Promise<void> {
  const { phone, contactId } = planned;
  const template = planned.received.command.content.type === 'template' ? planned.received.command.content.template : undefined;
  switch (followUp) {
    case 'MARK_WINDOW_CLOSED':
      await applyToConversation(db, tenantId, phone.id, contactId, { kind: 'WINDOW_CLOSED_BY_META', at: sentAt });
      return;
    case 'RECORD_MARKETING_OPT_OUT':
      await appendConsent(db, tenantId, {
        contactId, phoneNumberId: phone.id, action: 'OPT_OUT', scope: 'MARKETING', source: 'META_DELIVERY_ERROR',
        proof: { text: `Meta error ${metaCode ?? ''} on command ${planned.received.command.commandId}` }, actor: 'meta', occurredAt: sentAt,
      });
      return;
    case 'MARK_CONTACT_UNDELIVERABLE':
      await updateContact(db, tenantId, contactId, { undeliverableSince: sentAt });
      return;
    case 'HOLD_RECIPIENT_MARKETING_24H':
      await updateContact(db, tenantId, contactId, { marketingHeldUntil: new Date(sentAt.getTime() + DAY_MS) });
      return;
    case 'MARK_TEMPLATE_PAUSED':
    case 'MARK_TEMPLATE_DISABLED':
      if (template !== undefined) {
        const status = followUp === 'MARK_TEMPLATE_PAUSED' ? 'PAUSED' : 'DISABLED';
        await markTemplateStatusFromError(db, tenantId, { wabaId: phone.wabaId, name: template.name, language: template.language.code }, status, sentAt, `Meta error ${metaCode ?? ''}`);
      }
      return;
    case 'HALT_SENDER':
      await haltPhoneNumber(db, tenantId, phone.id, new Date(sentAt.getTime() + DAY_MS));
      return;
    case 'BACK_OFF_RECIPIENT':
    case 'THROTTLE_SENDER':
      // The retry delay of the error already spaces the next attempt.
      return;
    case 'REFRESH_ACCESS_TOKEN':
    case 'SYNC_TEMPLATES':
    case 'BLOCK_COUNTRY':
    case 'ALERT_OPERATOR':
      logger.warn('meta error needs an operator', { followUp, metaCode, commandId: planned.received.command.commandId, phoneNumberId: phone.metaPhoneNumberId });
      return;
  }
}
