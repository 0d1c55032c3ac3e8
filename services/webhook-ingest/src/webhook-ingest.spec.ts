import { PassThrough } from 'node:stream';
import type { BusMessage } from '@recado/bus';
import { createLogger, type LogLevel } from '@recado/service-kit';
import { statusWebhook } from './bench/bench-body';
import { signatureHeader } from './signature';
import { createWebhookIngest } from './webhook-ingest';

const SECRET = 'spec-app-secret';

/** The service with an in-memory publish, answering one signed status call; what it logged and published. */
async function answerOneCall(level: LogLevel): Promise<{ status: number; logLines: Record<string, unknown>[]; published: BusMessage[] }> {
  const stream = new PassThrough();
  let logText = '';
  stream.on('data', (chunk: Buffer) => (logText += chunk.toString()));
  const published: BusMessage[] = [];
  const ingest = createWebhookIngest({
    settings: { path: '/webhook', verifyToken: 'spec-verify-token', appSecrets: [SECRET], bodyLimitBytes: 4 * 1024 * 1024, publishTimeoutMs: 1_000 },
    publish: (messages) => Promise.resolve(void published.push(...messages)),
    ready: () => Promise.resolve(),
    logger: createLogger({ service: 'webhook-ingest', level, stream }),
  });
  const url = await ingest.listen(0);
  try {
    const body = statusWebhook(1);
    const response = await fetch(`${url}/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureHeader(body, SECRET) } });
    await response.text();
    await new Promise((resolve) => setImmediate(resolve));
    return { status: response.status, logLines: logText.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>), published };
  } finally {
    await ingest.close();
  }
}

describe('createWebhookIngest logging', () => {
  it('logs an answered call at info', async () => {
    const { status, logLines } = await answerOneCall('info');
    expect(status).toBe(200);
    expect(logLines).toEqual([expect.objectContaining({ level: 'info', message: 'webhook call answered', status: 200, events: 2, unclassified: 0 })]);
  });

  it('writes nothing for an answered call when info is off, and still publishes the call', async () => {
    const { status, logLines, published } = await answerOneCall('warn');
    expect(status).toBe(200);
    expect(logLines).toEqual([]);
    expect(published.map((message) => message.topic)).toEqual(['recado.raw-webhooks.v1', 'recado.message-statuses.v1']);
  });
});
