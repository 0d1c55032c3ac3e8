import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { coalescePublishes, createKafkaBus } from '@recado/bus';
import { createLogger } from '@recado/service-kit';
import { readBody } from '../http/read-body';
import { checkSignature } from '../signature';
import { createWebhookIngest } from '../webhook-ingest';
import { BENCH_SECRET } from './bench-body';

// Runs in a child process, so that the load generator does not share its event loop.
type Target = 'baseline' | 'ingest';

const peakRssBytes = (): number => {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((entry) => entry.startsWith('VmHWM:'));
  return Number(line?.replace(/\D/g, '') ?? 0) * 1024;
};

/** The baseline: verifies the signature over the raw body and answers 200, publishing nothing. */
async function startBaseline(): Promise<string> {
  const server = createServer((request, response) => {
    void readBody(request, 4 * 1024 * 1024).then((body) => {
      const failure = checkSignature(body, request.headers['x-hub-signature-256'] as string | undefined, [BENCH_SECRET]);
      response.writeHead(failure === undefined ? 200 : 401).end(failure === undefined ? 'EVENT_RECEIVED' : 'invalid signature');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startIngest(brokers: string[]): Promise<string> {
  const bus = createKafkaBus({ brokers, logLevel: 'nothing' });
  const ingest = createWebhookIngest({
    settings: { path: '/webhook', verifyToken: 'bench-verify-token', appSecrets: [BENCH_SECRET], bodyLimitBytes: 4 * 1024 * 1024, publishTimeoutMs: 15_000 },
    publish: coalescePublishes((messages) => bus.publish(messages), { concurrency: Number(process.env['BENCH_PUBLISH_CONCURRENCY'] ?? 1) }),
    ready: () => Promise.resolve(),
    logger: createLogger({ service: 'webhook-ingest', level: 'warn' }),
  });
  return ingest.listen(0);
}

async function main(): Promise<void> {
  const target = process.argv[2] as Target;
  const url = target === 'baseline' ? await startBaseline() : await startIngest((process.env['BENCH_BROKERS'] ?? '').split(','));
  process.on('message', (message) => {
    if (message === 'rss') process.send?.({ peakRssBytes: peakRssBytes() });
  });
  process.once('SIGTERM', () => process.exit(0));
  process.send?.({ url });
}

void main();
