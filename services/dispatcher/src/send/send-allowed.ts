import { MetaCloudError, type MessageContent, type MetaCloudClient } from '@recado/meta-cloud';
import { startMetaCalls, takeThroughputTokens, type PhoneNumberFacts } from '@recado/persistence';
import { setTimeout as sleep } from 'node:timers/promises';
import { DISPATCH_CODES } from './dispatch-codes';
import { sendRateOf } from './domain-facts';
import type { AllowedPlan } from './plan-commands';
import { recordVerdicts } from './record-verdicts';
import { judgeSendResult, type SendVerdict } from './send-result';
import type { SendPathDeps } from './send-path-deps';
import { groupBy, sendWaves } from './send-waves';

/** A command allowed to leave, with its intent (a PENDING message row) already committed. */
export interface AllowedSend {
  readonly planned: AllowedPlan;
  readonly internalTenantId: string;
  readonly attempt: number;
  /** Came back from the schedule (its `scheduled_sends` row is released or moved when done). */
  readonly fromSchedule: boolean;
}

const NO_ACCESS_TOKEN = new MetaCloudError({ code: 'INVALID_CONFIG', errorClass: 'AUTH', message: 'no access token for the WhatsApp account' });

/** Portions of one number in flight at once: their database round trips overlap each other's calls. */
const PORTIONS_IN_FLIGHT = 2;

/**
 * Sends the allowed commands of a batch. Wave after wave (one contact's messages one after the
 * other, in order); within a wave each business number's sends go out as its shared throughput
 * budget grants them, in portions whose database work is done in bulk: one statement marks a
 * portion's calls as started, the calls run side by side, one transaction records them. A
 * number has at most `sendConcurrency` calls in flight, so a crash leaves at most that many
 * sends per number in doubt.
 */
export async function sendAllowed(sends: readonly AllowedSend[], deps: SendPathDeps): Promise<void> {
  const queued = sends.map((send) => ({ send, phoneId: send.planned.phone.id, contactId: send.planned.contactId }));
  for (const wave of sendWaves(queued)) {
    const byNumber = groupBy(wave.map((item) => item.send), (send) => `${send.internalTenantId}:${send.planned.phone.id}`);
    await Promise.all(byNumber.map((numberSends) => sendWithinThroughput(numberSends, deps)));
  }
}

/** One business number's sends (of one tenant), portion by portion as the token bucket grants them. */
async function sendWithinThroughput(sends: readonly AllowedSend[], deps: SendPathDeps): Promise<void> {
  const [first] = sends;
  if (first === undefined) return;
  const client = await deps.clients.clientFor(deps.dataSource.manager, first.internalTenantId, first.planned.phone);
  if (client === null) {
    await recordVerdicts(sends.map((send) => ({ send, verdict: { kind: 'failed', reasonCode: DISPATCH_CODES.NO_ACCESS_TOKEN, error: NO_ACCESS_TOKEN } })), deps);
    return;
  }
  const portionSize = Math.max(1, Math.floor(deps.settings.sendConcurrency / PORTIONS_IN_FLIGHT));
  const inFlight = new Set<Promise<void>>();
  const failures: unknown[] = [];
  for (let remaining = sends; remaining.length > 0;) {
    const granted = await waitForTokens(first.planned.phone, remaining.length, deps);
    for (let start = 0; start < granted; start += portionSize) {
      while (inFlight.size >= PORTIONS_IN_FLIGHT) await Promise.race(inFlight);
      const portion: Promise<void> = sendPortion(remaining.slice(start, Math.min(start + portionSize, granted)), client, deps)
        .catch((error: unknown) => void failures.push(error))
        .finally(() => inFlight.delete(portion));
      inFlight.add(portion);
    }
    remaining = remaining.slice(granted);
  }
  await Promise.all(inFlight);
  if (failures.length > 0) throw failures[0];
}

/** Takes up to `wanted` tokens of the number's bucket, waiting until at least one is free. */
async function waitForTokens(phone: PhoneNumberFacts, wanted: number, deps: SendPathDeps): Promise<number> {
  const perSecond = sendRateOf(phone, deps.settings.throughputPerSecond);
  for (;;) {
    const grant = await takeThroughputTokens(deps.dataSource.manager, phone.id, wanted, perSecond, perSecond);
    if (grant.granted > 0) return grant.granted;
    await sleep(grant.retryAfterMs);
  }
}

async function sendPortion(portion: readonly AllowedSend[], client: MetaCloudClient, deps: SendPathDeps): Promise<void> {
  const tenantId = portion[0]?.internalTenantId ?? '';
  // The intent proper: once this is committed, a crash leaves a send in doubt, never resent.
  const started = await startMetaCalls(deps.dataSource.manager, tenantId, portion.map((send) => send.planned.received.command.commandId), deps.now());
  const calls = portion.filter((send) => started.has(send.planned.received.command.commandId));
  const verdicts = await Promise.all(calls.map((send) => callMeta(send, client, deps)));
  await recordVerdicts(calls.map((send, index) => ({ send, verdict: verdicts[index] as SendVerdict })), deps);
}

async function callMeta(send: AllowedSend, client: MetaCloudClient, deps: SendPathDeps): Promise<SendVerdict> {
  const { command } = send.planned.received;
  const started = process.hrtime.bigint();
  const answer = await client.send({
    // The contact's known number (planning rejected contacts without one), whatever the command named.
    to: send.planned.facts.contact.identity.waId ?? '',
    content: command.content as unknown as MessageContent,
    ...(command.replyTo === undefined ? {} : { replyTo: command.replyTo }),
    bizOpaqueCallbackData: command.commandId,
  });
  deps.metrics.metaLatency.observe(Number(process.hrtime.bigint() - started) / 1e9);
  return judgeSendResult(answer, send.attempt, deps.jitter);
}
