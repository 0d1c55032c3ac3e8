import type { Bus, ReceivedMessage } from '@recado/bus';
import { ensureContacts, loadDispatchFacts, loadLimitUsage, pairsWithScheduledSends, resolveTenantRefs, type Db, type LimitUsage, type PhoneNumberFacts } from '@recado/persistence';
import { deadLetterFor } from '../dead-letter';
import { takeCommands, type ReceivedCommand } from './command-intake';
import { hasUnlimitedMessaging } from './domain-facts';
import { planCommands, reasonOf, type AllowedPlan, type PlannedCommand } from './plan-commands';
import { recordDecisions } from './record-decisions';
import type { AllowedSend } from './send-allowed';
import type { SendPathDeps } from './send-path-deps';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const NOTHING_COUNTED: LimitUsage = { uniqueRecipients: 0, oldestAt: null, countedContactIds: new Set() };

/**
 * The first stage of a batch of send-command records (the second is `sendAllowed`): bad
 * records to the dead letters, then per tenant gather the facts in bulk, decide, and record
 * every decision with its outcome event. Returns the sends now allowed. Decisions take turns
 * (each sees the ones committed before it: messaging limits, caps). If a stage throws, the
 * batch is redelivered, and recorded commands are then recognised and not sent again.
 */
export function decideBatch(records: readonly ReceivedMessage[], bus: Bus, deps: SendPathDeps): Promise<AllowedSend[]> {
  return deps.takeDecisionTurn(() => decideRecords(records, bus, deps));
}

async function decideRecords(records: readonly ReceivedMessage[], bus: Bus, deps: SendPathDeps): Promise<AllowedSend[]> {
  const now = deps.now();
  const { commands, deadLetters } = takeCommands(records, deps.settings.group, now);
  const tenants = await resolveTenantRefs(deps.dataSource.manager, commands.map((received) => received.command.tenantId));
  const byTenant = new Map<string, ReceivedCommand[]>();
  for (const received of commands) {
    const tenantId = tenants.get(received.command.tenantId);
    if (tenantId === undefined) {
      deadLetters.push(deadLetterFor(received.record, { reasonCode: 'UNKNOWN_TENANT', message: `no tenant "${received.command.tenantId}"` }, deps.settings.group, now));
      continue;
    }
    const tenantCommands = byTenant.get(tenantId);
    if (tenantCommands === undefined) byTenant.set(tenantId, [received]);
    else tenantCommands.push(received);
  }
  deps.metrics.deadLetters.inc(deadLetters.length);
  await bus.publish(deadLetters);
  const allowed: AllowedSend[] = [];
  for (const [tenantId, tenantCommands] of byTenant) allowed.push(...(await decideTenantCommands(tenantId, tenantCommands, deps, now)));
  return allowed;
}

async function decideTenantCommands(tenantId: string, commands: readonly ReceivedCommand[], deps: SendPathDeps, now: Date): Promise<AllowedSend[]> {
  const plans = await planTenantCommands(tenantId, commands, deps, now);
  for (const planned of plans) deps.metrics.decisions.inc({ outcome: planned.kind, reason: reasonOf(planned) ?? 'NONE' });
  const created = await deps.dataSource.transaction((db) => recordDecisions(db, tenantId, plans, now));
  return plans
    .filter((planned): planned is AllowedPlan => planned.kind === 'allow' && (created.has(planned.received.command.commandId) || planned.resumed === true))
    .map((planned) => ({ planned, internalTenantId: tenantId, attempt: 1, fromSchedule: false }));
}

/** Gathers one tenant's facts in a fixed number of queries (plus one per business number for limits), then decides. */
export async function planTenantCommands(tenantId: string, commands: readonly ReceivedCommand[], deps: SendPathDeps, now: Date, options: { resumed?: boolean } = {}): Promise<PlannedCommand[]> {
  const db = deps.dataSource.manager;
  const contactIds = await ensureContacts(db, tenantId, commands.flatMap(({ command }) => (command.recipient.waId === undefined ? [] : [command.recipient.waId])));
  const requests = commands.map(({ command }) => ({
    commandId: command.commandId,
    metaPhoneNumberId: command.phoneNumberId,
    ...(command.recipient.waId === undefined ? {} : { waId: command.recipient.waId }),
    ...(command.recipient.userId === undefined ? {} : { businessScopedUserId: command.recipient.userId }),
    ...(command.content.type === 'template' ? { template: { name: command.content.template.name, language: command.content.template.language.code } } : {}),
  }));
  const facts = await loadDispatchFacts(db, tenantId, requests, new Date(now.getTime() - WEEK_MS));
  const pairs = commands.flatMap(({ command }) => {
    const phone = facts.phoneNumbers.get(command.phoneNumberId);
    const contactId = contactIds.get(command.recipient.waId ?? '') ?? facts.contacts.get(command.recipient.userId ?? '')?.id;
    return phone && contactId ? [{ phoneNumberId: phone.id, contactId }] : [];
  });
  // A command back from the schedule is the head of its contact's queue, and its own row exists.
  const [limitUsage, heldPairs] = await Promise.all([
    loadLimitUsages(db, tenantId, [...facts.phoneNumbers.values()], pairs, now),
    options.resumed ? new Set<string>() : pairsWithScheduledSends(db, tenantId, pairs),
  ]);
  const existingCommands = options.resumed ? new Map() : facts.existingCommands;
  return planCommands(commands, { facts: { ...facts, existingCommands }, contactIds, heldPairs, limitUsage, now });
}

/** Each number's messaging-limit usage, side by side; an unlimited tier has nothing to count (counting reads every send of the last 24 h). */
async function loadLimitUsages(db: Db, tenantId: string, phones: readonly PhoneNumberFacts[], pairs: readonly { phoneNumberId: string; contactId: string }[], now: Date): Promise<Map<string, LimitUsage>> {
  const usages = await Promise.all(phones.map(async (phone): Promise<[string, LimitUsage]> => {
    if (hasUnlimitedMessaging(phone)) return [phone.id, NOTHING_COUNTED];
    const contacts = pairs.filter((pair) => pair.phoneNumberId === phone.id).map((pair) => pair.contactId);
    return [phone.id, await loadLimitUsage(db, tenantId, phone.id, new Date(now.getTime() - DAY_MS), contacts)];
  }));
  return new Map(usages);
}
