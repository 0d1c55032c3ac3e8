import { loadMetaOpenApiDocument, requestExamples, type DocumentExample } from '../openapi';
import type { SandboxCore } from '../sandbox-core';

const WEBHOOKS_PATH = '/whatsapp/webhooks';

/** The webhook examples of Meta's description (path `/whatsapp/webhooks`), replayable as is. */
export function webhookExamples(core: SandboxCore): DocumentExample[] {
  const document = core.validator?.document ?? loadMetaOpenApiDocument(core.options.openApiPath);
  return requestExamples(document, WEBHOOKS_PATH, 'post');
}

/** Posts one example, signed, to the configured receiver; `false` when there is no such example. */
export function replayWebhookExample(core: SandboxCore, name: string): boolean {
  const example = webhookExamples(core).find((candidate) => candidate.name === name);
  if (example === undefined || typeof example.value !== 'object' || example.value === null) return false;
  core.webhooks.post(example.value as Record<string, unknown>);
  return true;
}
