import type { Bus, ReceivedMessage } from '@recado/bus';
import { loadDispatchFacts, loadLimitUsage, pairsWithScheduledSends, resolveTenantRefs, upsertContacts, type LimitUsage } from '@recado/persistence';
import { deadLetterFor } from '../dead-letter';
import { takeCommands, type ReceivedCommand } from './command-intake';
import { planCommands, reasonOf, type AllowedPlan, type PlannedCommand } from './plan-commands';
import { recordDecisions } from './record-decisions';
import { sendAllowed } from './send-allowed';
import type { SendPathDeps } from './send-path-deps';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One batch of send-command records: bad records to the dead letters, then per tenant gather
 * the facts in bulk, decide, record every decision with its outcome event, and send what is
 * allowed. Resolving commits the batch; throwing redelivers it, and recorded commands are
 * then recognised and not sent again.
 */
export async function dispatchBatch(records: readonly ReceivedMessage[], bus: Bus, deps: SendPathDeps): Promise<void> {
  const stopTimer = deps.metrics.batchSeconds.startTimer();
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
    byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), received]);
  }
  deps.metrics.deadLetters.inc(deadLetters.length);
  await bus.publish(deadLetters);
  for (const [tenantId, tenantCommands] of byTenant) await dispatchTenantCommands(tenantId, tenantCommands, deps, now);
  stopTimer();
}

async function dispatchTenantCommands(tenantId: string, commands: readonly ReceivedCommand[], deps: SendPathDeps, now: Date): Promise<void> {
  const plans = await planTenantCommands(tenantId, commands, deps, now);
  for (const planned of plans) deps.metrics.decisions.inc({ outcome: planned.kind, reason: reasonOf(planned) ?? 'NONE' });
  const created = await deps.dataSource.transaction((db) => recordDecisions(db, tenantId, plans, now));
  const allowed = plans.filter((planned): planned is AllowedPlan => planned.kind === 'allow' && (created.has(planned.received.command.commandId) || planned.resumed === true));
  await sendAllowed(allowed.map((planned) => ({ planned, internalTenantId: tenantId, attempt: 1, fromSchedule: false })), deps);
}

/** Gathers one tenant's facts in a fixed number of queries (plus one per business number for limits), then decides. */
export async function planTenantCommands(tenantId: string, commands: readonly ReceivedCommand[], deps: SendPathDeps, now: Date, options: { resumed?: boolean } = {}): Promise<PlannedCommand[]> {
  const db = deps.dataSource.manager;
  const contactIds = await upsertContacts(db, tenantId, commands.flatMap(({ command }) => (command.recipient.waId === undefined ? [] : [{ waId: command.recipient.waId }])));
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
  const limitUsage = new Map<string, LimitUsage>();
  for (const phone of facts.phoneNumbers.values()) {
    const contacts = pairs.filter((pair) => pair.phoneNumberId === phone.id).map((pair) => pair.contactId);
    limitUsage.set(phone.id, await loadLimitUsage(db, tenantId, phone.id, new Date(now.getTime() - DAY_MS), contacts));
  }
  // A command back from the schedule is the head of its contact's queue, and its own row exists.
  const heldPairs = options.resumed ? new Set<string>() : await pairsWithScheduledSends(db, tenantId, pairs);
  const existingCommands = options.resumed ? new Map() : facts.existingCommands;
  return planCommands(commands, { facts: { ...facts, existingCommands }, contactIds, heldPairs, limitUsage, now });
}

