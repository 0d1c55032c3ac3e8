import { insertMessages, scheduleSends, writeOutboxEvents, type BulkMessageInput, type Db, type NewOutboxEvent, type NewScheduledSend } from '@recado/persistence';
import { estimateSendCost } from './cost-estimate';
import { outcomeEvent } from './outcome-events';
import { reasonOf, type HeldPlan, type PlannedCommand } from './plan-commands';

const STATUS = { allow: 'PENDING', defer: 'DEFERRED', queue: 'DEFERRED', reject: 'REJECTED' } as const;
const DECISION = { allow: 'ALLOW', defer: 'DEFER', queue: 'DEFER', reject: 'REJECT' } as const;

type Recordable = Exclude<PlannedCommand, { kind: 'duplicate' }>;
type WithRow = Recordable & { readonly phone: NonNullable<Recordable['phone']>; readonly contactId: string };

const isRecordable = (planned: PlannedCommand): planned is Recordable => planned.kind !== 'duplicate';
const hasRow = (planned: Recordable): planned is WithRow => planned.phone !== undefined && planned.contactId !== undefined;
const isHeld = (planned: Recordable): planned is HeldPlan => planned.kind === 'defer' || planned.kind === 'queue';

function messageRow(planned: WithRow, now: Date): BulkMessageInput {
  const { command } = planned.received;
  const content = command.content;
  const template = content.type === 'template' ? content.template : undefined;
  const cost = planned.facts === undefined ? undefined : estimateSendCost(planned.templateCategory, planned.facts.conversation, planned.facts.contact.identity.waId, now);
  return {
    commandId: command.commandId,
    phoneNumberId: planned.phone.id,
    contactId: planned.contactId,
    direction: 'OUTBOUND',
    type: content.type,
    content: content as unknown as Record<string, unknown>,
    templateName: template?.name ?? null,
    templateLanguage: template?.language.code ?? null,
    decision: DECISION[planned.kind],
    reasonCode: reasonOf(planned),
    status: STATUS[planned.kind],
    pricingCategory: cost?.pricingCategory ?? null,
    costEstimate: cost?.amount === null || cost?.amount === undefined ? null : String(cost.amount),
    costCurrency: cost?.currency ?? null,
  } as BulkMessageInput;
}

function outcomeOf(planned: Recordable, tenantId: string, now: Date): NewOutboxEvent {
  const context = { internalTenantId: tenantId, attempt: 1, at: now, ...(planned.received.traceparent === undefined ? {} : { traceparent: planned.received.traceparent }) };
  const command = planned.received.command;
  switch (planned.kind) {
    case 'allow':
      return outcomeEvent(command, { outcome: 'accepted' }, context);
    case 'defer':
    case 'queue':
      return outcomeEvent(command, { outcome: 'deferred', reasonCode: planned.reasonCode, deferredUntil: planned.until }, context);
    case 'reject':
      return outcomeEvent(command, { outcome: 'rejected', reasonCode: planned.reasonCode }, context);
  }
}

/**
 * Records a batch's decisions in one transaction: message rows (an ALLOW's row is the intent,
 * written before Meta is called), held-back sends and outcome events. Returns the commands
 * whose row this call created: a command already recorded (a redelivery) is not acted on again.
 */
export async function recordDecisions(db: Db, tenantId: string, plans: readonly PlannedCommand[], now: Date): Promise<Set<string>> {
  const recordable = plans.filter(isRecordable);
  const { inserted } = await insertMessages(db, tenantId, recordable.filter(hasRow).map((planned) => messageRow(planned, now)));
  const created = new Set(inserted.keys());
  // Rejections that name no known number or contact have no row: their outcome is announced each time.
  const fresh = recordable.filter((planned) => created.has(planned.received.command.commandId) || !hasRow(planned));
  const held: NewScheduledSend[] = fresh.filter(isHeld).map((planned) => ({
    commandId: planned.received.command.commandId, phoneNumberId: planned.phone.id, contactId: planned.contactId,
    dueAt: planned.until, attempt: 1, reasonCode: planned.reasonCode, command: planned.received.command,
  }));
  await scheduleSends(db, tenantId, held);
  await writeOutboxEvents(db, fresh.map((planned) => outcomeOf(planned, tenantId, now)));
  return created;
}
