import { phoneById, type SandboxCore, type SandboxFaults } from '../sandbox-core';
import type { SandboxInspection } from '../state/sandbox-counters';
import type { SandboxTemplate, TemplateInput } from '../state/sandbox-templates';
import type { UserRegistration } from '../state/simulated-users';
import { inboundWebhook, userPreferencesWebhook } from '../webhooks/webhook-payloads';
import { inboundMessageItem, type InboundInput } from './inbound-message';
import { settlePacing, type PacingOutcome } from './pacing-control';
import { createTemplateControl, type TemplateControl } from './template-control';
import { replayWebhookExample, webhookExamples } from './webhook-replay';

/** Drives the simulated world: users, templates, time and faults. */
export interface SandboxControl extends TemplateControl {
  registerUser(registration: UserRegistration): void;
  addTemplate(input: TemplateInput): SandboxTemplate;
  /** The user writes to the business; opens (or refreshes) the 24 h window. */
  inbound(waId: string, input?: InboundInput): { wamid: string } | undefined;
  setMarketingPreference(waId: string, value: 'stop' | 'resume'): boolean;
  setClockOffsetMs(offsetMs: number): void;
  setFaults(faults: Partial<SandboxFaults>): void;
  inspect(): SandboxInspection;
  /** Names of the webhook examples in Meta's description. */
  webhookExampleNames(): string[];
  /** Posts one of them, signed, to the receiver. */
  replayWebhookExample(name: string): boolean;
  /** Releases or fails (132015) the messages held for a paced template; returns how many. */
  settlePacing(templateId: string, outcome: PacingOutcome): number;
  /** Resolves once every scheduled webhook was delivered or abandoned. */
  webhooksIdle(): Promise<void>;
}

function inbound(core: SandboxCore, defaultPhoneId: string, waId: string, input: InboundInput): { wamid: string } | undefined {
  const user = core.users.find(waId);
  const phone = phoneById(core, input.phoneNumberId ?? defaultPhoneId);
  if (user === undefined || phone === undefined) return undefined;
  const now = core.clock.now();
  // Inbound messages count against the number's throughput too [M28].
  core.throughput.take(phone.id, now);
  user.window = { ...user.window, lastInboundAt: now, ...(input.referral === true ? { entryPoint: { referralAt: now, openedAt: null } } : {}) };
  const wamid = `wamid.${Buffer.from(`in:${user.waId}:${core.nextSequence()}`).toString('base64')}`;
  core.webhooks.post(inboundWebhook(phone, user, inboundMessageItem(input, user.waId, wamid, phone.displayPhoneNumber, now)));
  return { wamid };
}

export function createSandboxControl(core: SandboxCore): SandboxControl {
  const defaultPhone = core.options.phoneNumbers[0];
  if (defaultPhone === undefined) throw new RangeError('The sandbox needs at least one phone number.');
  const templates = createTemplateControl(core);
  return {
    ...templates,
    settlePacing: (templateId, outcome) => settlePacing(core, templates, templateId, outcome),
    registerUser: (registration) => void core.users.register(registration),
    addTemplate: (input) => core.templates.add(input, defaultPhone.wabaId),
    inbound: (waId, input = {}) => inbound(core, defaultPhone.id, waId, input),
    setMarketingPreference(waId, value) {
      const user = core.users.find(waId);
      if (user === undefined) return false;
      user.marketingStopped = value === 'stop';
      core.webhooks.post(userPreferencesWebhook(defaultPhone, user.waId, value, Math.floor(core.clock.now().getTime() / 1000)));
      return true;
    },
    setClockOffsetMs: (offsetMs) => core.clock.setOffsetMs(offsetMs),
    setFaults: (faults) => void Object.assign(core.faults, faults),
    inspect: () => core.counters.snapshot(),
    webhookExampleNames: () => webhookExamples(core).map((example) => example.name),
    replayWebhookExample: (name) => replayWebhookExample(core, name),
    webhooksIdle: () => core.webhooks.idle(),
  };
}
