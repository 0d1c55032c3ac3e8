import { sendCommandSchema, type SendCommand } from '@recado/contracts';
import { claimDeferredSend, claimDueSends, failInDoubtSends, redecideDeferredSend, releaseScheduledSend, rescheduleSend, writeOutboxEvents, type ScheduledSend } from '@recado/persistence';
import type { ReceivedCommand } from './command-intake';
import { planTenantCommands } from './dispatch-batch';
import { DISPATCH_CODES } from './dispatch-codes';
import { outcomeEvent } from './outcome-events';
import { reasonOf } from './plan-commands';
import { sendAllowed, type AllowedSend } from './send-allowed';
import type { SendPathDeps } from './send-path-deps';

export interface HeldSendSettings {
  readonly claimLimit: number;
  readonly leaseMs: number;
}

const asReceived = (held: ScheduledSend): ReceivedCommand => ({
  command: sendCommandSchema.parse(held.command) as SendCommand,
  record: { topic: 'scheduled_sends', partition: 0, offset: held.id, key: '', value: Buffer.alloc(0), headers: {} },
});

/**
 * One round of the schedule: claims the due held-back sends (the first of each contact), decides
 * each again with fresh facts, and sends, holds again or rejects it. Returns how many it claimed.
 */
export async function runHeldSendsOnce(deps: SendPathDeps, settings: HeldSendSettings): Promise<number> {
  const now = deps.now();
  const due = await deps.dataSource.transaction((db) => claimDueSends(db, now, settings.claimLimit, settings.leaseMs));
  const byTenant = new Map<string, ScheduledSend[]>();
  for (const held of due) byTenant.set(held.tenantId, [...(byTenant.get(held.tenantId) ?? []), held]);
  for (const [tenantId, heldSends] of byTenant) await resumeTenant(tenantId, heldSends, deps, now);
  return due.length;
}

async function resumeTenant(tenantId: string, heldSends: readonly ScheduledSend[], deps: SendPathDeps, now: Date): Promise<void> {
  const allowed = await deps.takeDecisionTurn(() => decideAgain(tenantId, heldSends, deps, now));
  await sendAllowed(allowed, deps);
}

async function decideAgain(tenantId: string, heldSends: readonly ScheduledSend[], deps: SendPathDeps, now: Date): Promise<AllowedSend[]> {
  const plans = await planTenantCommands(tenantId, heldSends.map(asReceived), deps, now, { resumed: true });
  const allowed: AllowedSend[] = [];
  await deps.dataSource.transaction(async (db) => {
    for (const [index, planned] of plans.entries()) {
      const held = heldSends[index] as ScheduledSend;
      const { command } = planned.received;
      const context = { internalTenantId: tenantId, attempt: held.attempt, at: now };
      deps.metrics.decisions.inc({ outcome: planned.kind, reason: reasonOf(planned) ?? 'NONE' });
      if (planned.kind === 'allow') {
        if ((await claimDeferredSend(db, tenantId, command.commandId)) !== null) allowed.push({ planned, internalTenantId: tenantId, attempt: held.attempt, fromSchedule: true });
        else await releaseScheduledSend(db, tenantId, command.commandId);
      } else if (planned.kind === 'defer' || planned.kind === 'queue') {
        await redecideDeferredSend(db, tenantId, command.commandId, { status: 'DEFERRED', reasonCode: planned.reasonCode });
        await rescheduleSend(db, tenantId, command.commandId, { dueAt: planned.until, attempt: held.attempt, reasonCode: planned.reasonCode });
        await writeOutboxEvents(db, [outcomeEvent(command, { outcome: 'deferred', reasonCode: planned.reasonCode, deferredUntil: planned.until }, context)]);
      } else if (planned.kind === 'reject') {
        await redecideDeferredSend(db, tenantId, command.commandId, { status: 'REJECTED', reasonCode: planned.reasonCode });
        await releaseScheduledSend(db, tenantId, command.commandId);
        await writeOutboxEvents(db, [outcomeEvent(command, { outcome: 'rejected', reasonCode: planned.reasonCode }, context)]);
      } else {
        // Cannot happen for a resumed send (its own row is not looked up); nothing to do.
        await releaseScheduledSend(db, tenantId, command.commandId);
      }
    }
  });
  return allowed;
}

/**
 * Intents older than `graceMs` that never got Meta's answer (a crash between intent and answer)
 * are failed as in doubt, with their outcome event; they are never sent again automatically.
 */
export async function failInDoubtOnce(deps: SendPathDeps, graceMs: number): Promise<number> {
  const now = deps.now();
  return deps.dataSource.transaction(async (db) => {
    const failed = await failInDoubtSends(db, new Date(now.getTime() - graceMs), DISPATCH_CODES.SEND_IN_DOUBT, now);
    const error = { code: DISPATCH_CODES.SEND_IN_DOUBT, message: 'Meta may or may not have the message (no answer was recorded); it is not sent again', retryable: false };
    await writeOutboxEvents(db, failed.map((send) => {
      const command = { commandId: send.commandId, tenantId: send.tenantSlug, phoneNumberId: send.metaPhoneNumberId, recipient: send.recipient, content: send.content, requestedAt: send.createdAt.toISOString() } as SendCommand;
      return outcomeEvent(command, { outcome: 'failed', reasonCode: DISPATCH_CODES.SEND_IN_DOUBT, error }, { internalTenantId: send.tenantId, attempt: 1, at: now });
    }));
    return failed.length;
  });
}
