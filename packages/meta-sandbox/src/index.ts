export * from './openapi';
export { startMetaSandbox, type MetaSandbox, type StartOptions } from './start-meta-sandbox';
export {
  resolveSandboxOptions,
  DEFAULT_PHONE_NUMBER,
  DEFAULT_WEBHOOK_OPTIONS,
  type MetaSandboxOptions,
  type MetaSandboxOptionsInput,
  type SandboxPhoneNumber,
  type WebhookOptions,
} from './sandbox-options';
export type { SandboxControl } from './control/sandbox-control';
export type { InboundInput } from './control/inbound-message';
export type { SandboxFaults } from './sandbox-core';
export type { SandboxInspection } from './state/sandbox-counters';
export type { SandboxTemplate, TemplateInput } from './state/sandbox-templates';
export type { UserRegistration } from './state/simulated-users';
export { signWebhook } from './webhooks/webhook-signer';
export { scheduleStatuses, type AcceptedSend, type ScheduledWebhook } from './webhooks/status-schedule';
export { pricingObjects } from './webhooks/status-pricing';
export { startWebhookReceiver, type WebhookReceiver, type ReceivedWebhook } from './testing/webhook-receiver';
