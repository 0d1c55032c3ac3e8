export { normaliseWebhook } from './normalise-webhook';
export type { MetaEventKind, NormalisedEvent, NormalisedWebhook, WebhookContext } from './normalise.types';
export type { UnclassifiedReason } from './unclassified';
