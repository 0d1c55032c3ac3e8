export { loadWebhookIngestConfig, type WebhookIngestConfig } from './config';
export { createWebhookIngest, type WebhookIngest, type WebhookIngestOptions } from './webhook-ingest';
export { checkSignature, signatureHeader } from './signature';
