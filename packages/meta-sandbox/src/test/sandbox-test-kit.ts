import { createOpenApiValidator, loadMetaOpenApiDocument, requestExamples, type OpenApiValidator } from '../openapi';
import { startMetaSandbox, type MetaSandbox, type StartOptions } from '../start-meta-sandbox';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver';

export const PHONE_NUMBER_ID = '106540352242922';
export const APP_SECRET = 'test-app-secret';

let validator: OpenApiValidator | undefined;

export function sharedValidator(): OpenApiValidator {
  validator ??= createOpenApiValidator(loadMetaOpenApiDocument());
  return validator;
}

export interface Kit {
  readonly sandbox: MetaSandbox;
  readonly receiver: WebhookReceiver;
  send(body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }>;
  stop(): Promise<void>;
}

/** A sandbox posting fast webhooks to a local receiver. */
export async function startKit(options: StartOptions = {}): Promise<Kit> {
  const receiver = await startWebhookReceiver();
  const { webhooks, ...rest } = options;
  const fast = { sentDelayMs: [1, 5], deliveredDelayMs: [5, 10], readDelayMs: [5, 10], readRate: 1, readWithoutDeliveredRate: 0, retryBaseMs: 10 } as const;
  const sandbox = await startMetaSandbox({ validator: sharedValidator(), ...rest, webhooks: { url: receiver.url, appSecret: APP_SECRET, ...fast, ...webhooks } });
  return {
    sandbox,
    receiver,
    async send(body) {
      const response = await fetch(`${sandbox.url}/v23.0/${PHONE_NUMBER_ID}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', ...body }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async stop() {
      await sandbox.stop();
      await receiver.stop();
    },
  };
}

type Change = { field: string; value: Record<string, unknown> };

/** The first change of a webhook body. */
export function changeOf(body: Record<string, unknown>): Change {
  const entry = (body['entry'] as { changes: Change[] }[] | undefined)?.[0];
  const change = entry?.changes[0];
  if (change === undefined) throw new Error('Webhook without a change.');
  return change;
}

export function statusOf(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const statuses = changeOf(body).value['statuses'] as Record<string, unknown>[] | undefined;
  return statuses?.[0];
}

/** `list[index]`, failing the test when it is missing. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`No item ${index} in a list of ${list.length}.`);
  return item;
}

/** The description's webhook example of that name (path `/whatsapp/webhooks`). */
export function webhookExample(name: string): Record<string, unknown> {
  const example = requestExamples(sharedValidator().document, '/whatsapp/webhooks', 'post').find((e) => e.name === name);
  if (example === undefined) throw new Error(`No webhook example ${name}.`);
  return example.value as Record<string, unknown>;
}
