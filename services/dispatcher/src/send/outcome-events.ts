import { buildCloudEvent, deterministicEventId, kafkaRoutingOf, type SendCommand, type SendOutcome } from '@recado/contracts';
import type { NewOutboxEvent } from '@recado/persistence';

export const OUTCOME_SOURCE = '/recado/dispatcher';

type OutcomeDetails =
  | { readonly outcome: 'accepted' }
  | { readonly outcome: 'deferred'; readonly reasonCode: string; readonly deferredUntil: Date }
  | { readonly outcome: 'rejected'; readonly reasonCode: string; readonly suggestion?: string }
  | { readonly outcome: 'sent'; readonly wamid: string; readonly metaMessageStatus?: string }
  | { readonly outcome: 'failed'; readonly reasonCode: string; readonly error: { code: string; message: string; metaCode?: number; retryable?: boolean } };

/**
 * The outcome event of a command, as an outbox row written in the same transaction as the
 * decision. Its id follows from the command, the outcome and the attempt, so a redelivered
 * command re-announces the same event and consumers deduplicate.
 */
export function outcomeEvent(command: SendCommand, details: OutcomeDetails, context: { internalTenantId: string; wabaId?: string; attempt: number; at: Date; traceparent?: string }): NewOutboxEvent {
  const data = {
    commandId: command.commandId,
    tenantId: command.tenantId,
    phoneNumberId: command.phoneNumberId,
    ...(context.wabaId === undefined ? {} : { wabaId: context.wabaId }),
    recipient: command.recipient,
    ...(command.campaignId === undefined ? {} : { campaignId: command.campaignId }),
    ...(command.metadata === undefined ? {} : { metadata: command.metadata }),
    occurredAt: context.at.toISOString(),
    attempt: context.attempt,
    ...details,
    ...('deferredUntil' in details ? { deferredUntil: details.deferredUntil.toISOString() } : {}),
  } as SendOutcome;
  const built = buildCloudEvent('sendOutcome', data, {
    id: deterministicEventId('send-outcome', command.tenantId, command.commandId, details.outcome, String(context.attempt)),
    source: OUTCOME_SOURCE,
    time: context.at,
    tenantId: command.tenantId,
    ...(context.traceparent === undefined ? {} : { traceparent: context.traceparent }),
  });
  if (!built.ok) throw new Error(`outcome of ${command.commandId} does not validate: ${JSON.stringify(built.errors)}`);
  // The outbox stores the event as JSON itself: only its topic, key and headers are taken here.
  const { topic, key, headers } = kafkaRoutingOf(built.value);
  return { tenantId: context.internalTenantId, topic, key, payload: built.value, headers };
}
