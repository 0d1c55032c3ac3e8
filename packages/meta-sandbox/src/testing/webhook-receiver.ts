import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  readonly raw: string;
  readonly signature: string | undefined;
  readonly body: Record<string, unknown>;
}

/** A local webhook endpoint for tests and demos: records every POST, answers from a script. */
export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Statuses to answer, in order; 200 once the list is used up. */
  answerWith(statuses: readonly number[]): void;
  /** Resolves when at least `count` webhooks matching `filter` arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, filter?: (webhook: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  stop(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let script: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const signature = request.headers['x-hub-signature-256'];
      received.push({ raw, signature: Array.isArray(signature) ? signature[0] : signature, body: JSON.parse(raw) as Record<string, unknown> });
      response.writeHead(script.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    answerWith: (statuses) => {
      script = [...statuses];
    },
    async waitFor(count, filter = () => true, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.filter(filter).length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} webhooks, got ${received.filter(filter).length}.`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received.filter(filter);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
