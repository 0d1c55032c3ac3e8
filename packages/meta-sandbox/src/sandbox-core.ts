import type { SandboxClock } from './clock';
import type { OpenApiValidator } from './openapi';
import type { Random } from './random';
import type { MetaSandboxOptions, SandboxPhoneNumber } from './sandbox-options';
import type { ThroughputLimiter } from './send/throughput';
import type { SandboxCounters } from './state/sandbox-counters';
import type { SandboxTemplates } from './state/sandbox-templates';
import type { SimulatedUsers } from './state/simulated-users';
import { scheduleStatuses, type AcceptedSend } from './webhooks/status-schedule';
import type { WebhookDispatcher } from './webhooks/webhook-dispatcher';

/** Everything one running sandbox holds; handlers read and change it. */
export interface SandboxCore {
  readonly options: MetaSandboxOptions;
  readonly clock: SandboxClock;
  readonly random: Random;
  readonly users: SimulatedUsers;
  readonly templates: SandboxTemplates;
  readonly counters: SandboxCounters;
  readonly throughput: ThroughputLimiter;
  readonly webhooks: WebhookDispatcher;
  readonly validator: OpenApiValidator | undefined;
  readonly faults: SandboxFaults;
  /** Sends of paced templates, by template id, waiting for the quality assessment [M14]. */
  readonly held: Map<string, AcceptedSend[]>;
  nextSequence(): number;
}

/** Run-time fault injection. */
export interface SandboxFaults {
  /** Share of sends answered with 131000 (HTTP 500). */
  errorRate: number;
  /** Share of sends answered with a bare HTTP 503. */
  serverErrorRate: number;
  /** Sends left to answer with 130429 and Retry-After. */
  rateLimitBurst: number;
  /** Added to every Graph answer. */
  latencyMs: number;
  /** Share of webhooks never posted. */
  webhookDropRate: number;
}

export function phoneById(core: SandboxCore, id: string): SandboxPhoneNumber | undefined {
  return core.options.phoneNumbers.find((phone) => phone.id === id);
}

export function phoneByWaba(core: SandboxCore, wabaId: string): SandboxPhoneNumber | undefined {
  return core.options.phoneNumbers.find((phone) => phone.wabaId === wabaId);
}

/** Posts the status webhooks of one accepted send. */
export function postStatuses(core: SandboxCore, send: AcceptedSend): void {
  for (const webhook of scheduleStatuses(send, core.options.webhooks, core.random, core.options.graphApiVersion)) {
    core.webhooks.post(webhook.payload, webhook.delayMs);
  }
}
