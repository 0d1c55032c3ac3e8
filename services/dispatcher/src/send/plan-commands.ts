import { decide, effectiveCategory, type Decision, type DecisionFacts, type RecentSend, type SendCommand as DomainCommand, type Template, type TemplateCategory } from '@recado/domain';
import { pairKey, templateKey, type DispatchFacts, type LimitUsage, type PhoneNumberFacts } from '@recado/persistence';
import type { ReceivedCommand } from './command-intake';
import { DISPATCH_CODES } from './dispatch-codes';
import { toConversationState } from '../conversation/conversation-rows';
import { contactFacts, TENANT_POLICY, toCurrentConsent, toMessagingLimit, toRecentSends, toTemplate } from './domain-facts';
import { toDomainCommand } from './domain-command';

interface PlanBase {
  readonly received: ReceivedCommand;
  /** The template's category as Meta will bill it, or null for free-form. */
  readonly templateCategory: TemplateCategory | null;
}

interface Routed extends PlanBase {
  readonly phone: PhoneNumberFacts;
  readonly contactId: string;
  readonly facts: DecisionFacts;
}

/** `resumed`: decided ALLOW earlier, but the Meta call never started (a crash): send it now. */
export type AllowedPlan = Routed & { readonly kind: 'allow'; readonly resumed?: boolean };
export type HeldPlan = Routed & { readonly kind: 'defer' | 'queue'; readonly reasonCode: string; readonly message: string; readonly until: Date };
export type RejectedPlan = PlanBase & { readonly kind: 'reject'; readonly reasonCode: string; readonly message: string; readonly phone?: PhoneNumberFacts; readonly contactId?: string; readonly facts?: DecisionFacts };
export type PlannedCommand = (PlanBase & { readonly kind: 'duplicate' }) | AllowedPlan | HeldPlan | RejectedPlan;
export type PlanKind = PlannedCommand['kind'];

/** The reason code a plan carries, if any (for rows and metrics). */
export const reasonOf = (planned: PlannedCommand): string | null => ('reasonCode' in planned ? planned.reasonCode : null);

export interface PlanningFacts {
  readonly facts: DispatchFacts;
  /** wa_id → contact id, including contacts created for this batch. */
  readonly contactIds: ReadonlyMap<string, string>;
  /** `pairKey`s with sends held back. */
  readonly heldPairs: ReadonlySet<string>;
  readonly limitUsage: ReadonlyMap<string, LimitUsage>;
  readonly now: Date;
}

const reject = (received: ReceivedCommand, reasonCode: string, message: string, extra: { phone?: PhoneNumberFacts; contactId?: string } = {}): RejectedPlan =>
  ({ received, kind: 'reject', reasonCode, message, templateCategory: null, ...extra });

/**
 * Decides every command of one tenant's batch, in order. Sends planned earlier in the batch
 * count as recent sends for later ones (pair rate, caps, messaging limit), and a contact whose
 * earlier send is held back keeps its later sends behind it.
 */
export function planCommands(commands: readonly ReceivedCommand[], planning: PlanningFacts): PlannedCommand[] {
  const batch: BatchSoFar = { addedSends: new Map(), limitUsage: new Map(), candidates: new Map(), heldPairs: new Set(planning.heldPairs) };
  return commands.map((received) => {
    const planned = planOne(received, planning, batch);
    if (planned.kind === 'defer' || planned.kind === 'queue') batch.heldPairs.add(pairKey(planned.phone.id, planned.contactId));
    if (planned.kind === 'allow') {
      const pair = pairKey(planned.phone.id, planned.contactId);
      batch.addedSends.set(pair, [...(batch.addedSends.get(pair) ?? []), { at: planning.now, category: planned.templateCategory ?? 'SERVICE' }]);
      if (planned.templateCategory !== null) countRecipient(usageSoFar(batch, planning, planned.phone.id), planned.contactId);
    }
    return planned;
  });
}

/** What the commands planned so far in this batch add to the stored facts. */
interface BatchSoFar {
  readonly addedSends: Map<string, RecentSend[]>;
  /** Per number, the stored usage plus the contacts this batch's template sends count. */
  readonly limitUsage: Map<string, MutableLimitUsage>;
  /** Per WABA, its approved templates (for suggestions). */
  readonly candidates: Map<string, Template[]>;
  readonly heldPairs: Set<string>;
}

interface MutableLimitUsage {
  uniqueRecipients: number;
  readonly oldestAt: Date | null;
  readonly countedContactIds: Set<string>;
}

function usageSoFar(batch: BatchSoFar, planning: PlanningFacts, phoneId: string): MutableLimitUsage {
  let usage = batch.limitUsage.get(phoneId);
  if (usage === undefined) {
    const stored = planning.limitUsage.get(phoneId);
    usage = { uniqueRecipients: stored?.uniqueRecipients ?? 0, oldestAt: stored?.oldestAt ?? null, countedContactIds: new Set(stored?.countedContactIds) };
    batch.limitUsage.set(phoneId, usage);
  }
  return usage;
}

function countRecipient(usage: MutableLimitUsage, contactId: string): void {
  if (usage.countedContactIds.has(contactId)) return;
  usage.countedContactIds.add(contactId);
  usage.uniqueRecipients += 1;
}

function planOne(received: ReceivedCommand, planning: PlanningFacts, batch: BatchSoFar): PlannedCommand {
  const { command } = received;
  const { facts, now } = planning;
  const existing = facts.existingCommands.get(command.commandId);
  const resumable = existing !== undefined && existing.status === 'PENDING' && existing.wamid === null && !existing.callStarted;
  if (existing !== undefined && !resumable) return { received, kind: 'duplicate', templateCategory: null };
  const phone = facts.phoneNumbers.get(command.phoneNumberId);
  if (phone === undefined) return reject(received, DISPATCH_CODES.PHONE_NUMBER_UNKNOWN, `phone number ${command.phoneNumberId} is not one of the tenant's`);
  const contact = facts.contacts.get(command.recipient.waId ?? '') ?? facts.contacts.get(command.recipient.userId ?? '');
  const contactId = contact?.id ?? planning.contactIds.get(command.recipient.waId ?? '');
  if (contactId === undefined) return reject(received, DISPATCH_CODES.CONTACT_UNKNOWN, 'the recipient is known only by a user id no inbound message introduced', { phone });
  const domainCommand = toDomainCommand(command);
  if (!domainCommand.ok) return reject(received, DISPATCH_CODES.TEMPLATE_PAYLOAD_INVALID, domainCommand.problem, { phone, contactId });
  const pair = pairKey(phone.id, contactId);
  const decisionFacts = gatherDecisionFacts(domainCommand.command, phone, contactId, contact, received, planning, batch);
  const templateCategory = decisionFacts.template === null ? null : effectiveCategory(decisionFacts.template, now);
  const base = { received, phone, contactId, facts: decisionFacts, templateCategory };
  if (resumable) return { ...base, kind: 'allow', resumed: true };
  if (batch.heldPairs.has(pair)) return { ...base, kind: 'queue', reasonCode: DISPATCH_CODES.QUEUED_BEHIND_HELD, message: 'an earlier send to this contact is held back', until: now };
  return fromDecision(base, decide(domainCommand.command, decisionFacts, now));
}

function fromDecision(base: Omit<Routed, 'kind'>, decision: Decision): PlannedCommand {
  switch (decision.outcome) {
    case 'ALLOW':
      if (base.facts.contact.identity.waId === null) {
        return { ...base, kind: 'reject', reasonCode: DISPATCH_CODES.RECIPIENT_PHONE_NUMBER_UNKNOWN, message: 'the contact is known only by its business-scoped user id; sends are addressed by phone number' };
      }
      return { ...base, kind: 'allow' };
    case 'DEFER':
      return { ...base, kind: 'defer', reasonCode: decision.reason, message: decision.message, until: decision.until };
    case 'REJECT':
      return { ...base, kind: 'reject', reasonCode: decision.code, message: decision.message };
  }
}

function gatherDecisionFacts(
  command: DomainCommand, phone: PhoneNumberFacts, contactId: string, contact: Parameters<typeof contactFacts>[0],
  received: ReceivedCommand, planning: PlanningFacts, batch: BatchSoFar,
): DecisionFacts {
  const { facts } = planning;
  const pair = pairKey(phone.id, contactId);
  const usage = batch.limitUsage.get(phone.id) ?? planning.limitUsage.get(phone.id) ?? { uniqueRecipients: 0, oldestAt: null, countedContactIds: new Set<string>() };
  const stored = command.kind === 'TEMPLATE' ? facts.templates.get(templateKey(phone.wabaId, command.templateName, command.language)) : undefined;
  return {
    sender: { phoneNumberDigits: phone.displayPhoneNumber.replace(/\D/g, ''), haltedUntil: phone.haltedUntil },
    contact: contactFacts(contact, received.command.recipient),
    consent: toCurrentConsent(facts.consent.get(contactId)),
    conversation: toConversationState(facts.conversationStates.get(pair) ?? null),
    template: stored === undefined ? null : toTemplate(stored),
    candidateTemplates: candidatesOf(batch, facts, phone.wabaId),
    tenant: TENANT_POLICY,
    messagingLimit: toMessagingLimit(phone, usage, contactId),
    recentSends: [...toRecentSends(facts.recentSends.get(pair)), ...(batch.addedSends.get(pair) ?? [])],
  };
}

function candidatesOf(batch: BatchSoFar, facts: DispatchFacts, wabaId: string): Template[] {
  let candidates = batch.candidates.get(wabaId);
  if (candidates === undefined) {
    candidates = [...facts.templates.values()].filter((template) => template.wabaId === wabaId && template.status === 'APPROVED').map(toTemplate);
    batch.candidates.set(wabaId, candidates);
  }
  return candidates;
}
