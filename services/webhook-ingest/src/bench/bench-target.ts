import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKafkaBus } from '@recado/bus';
import { TOPICS } from '@recado/contracts';
import { createLogger } from '@recado/service-kit';
import { loadWebhookIngestConfig } from '../config';
import { readBody } from '../http/read-body';
import { coalescedKafkaPublish } from '../kafka-publish';
import { checkSignature } from '../signature';
import { createWebhookIngest } from '../webhook-ingest';
import { BENCH_SECRET } from './bench-body';

// Runs in a child process, so that the load generator does not share its event loop.
type Target = 'baseline' | 'floor' | 'ingest';

const peakRssBytes = (): number => {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((entry) => entry.startsWith('VmHWM:'));
  return Number(line?.replace(/\D/g, '') ?? 0) * 1024;
};

const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
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

/**
 * The floor: the baseline plus the least a receiver that never loses a call must do, the raw
 * body published to Kafka (one record, acks from all replicas, the service's coalescing
 * publisher and settings) before the 200. No parsing into events, no CloudEvents, no metrics.
 */
async function startFloor(brokers: string[]): Promise<string> {
  const config = loadWebhookIngestConfig({ ...process.env, WEBHOOK_APP_SECRETS: BENCH_SECRET, WEBHOOK_VERIFY_TOKEN: 'bench-verify-token', KAFKA_BROKERS: brokers.join(',') });
  const publish = coalescedKafkaPublish(createKafkaBus({ brokers, logLevel: 'nothing' }), config);
  let next = 0;
  const server = createServer((request, response) => {
    void readBody(request, 4 * 1024 * 1024).then(async (body) => {
      const failure = checkSignature(body, request.headers['x-hub-signature-256'] as string | undefined, [BENCH_SECRET]);
      if (failure !== undefined) return void response.writeHead(401).end('invalid signature');
      try {
        await publish([{ topic: TOPICS.rawWebhooks, key: String(next++), value: body, headers: {} }]);
        response.writeHead(200).end('EVENT_RECEIVED');
      } catch {
        response.writeHead(503).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// The service as `main.ts` composes it, with the production defaults (WEBHOOK_* variables override them).
async function startIngest(brokers: string[]): Promise<string> {
  const config = loadWebhookIngestConfig({ ...process.env, WEBHOOK_APP_SECRETS: BENCH_SECRET, WEBHOOK_VERIFY_TOKEN: 'bench-verify-token', KAFKA_BROKERS: brokers.join(',') });
  const bus = createKafkaBus({ brokers, logLevel: 'nothing' });
  const ingest = createWebhookIngest({
    settings: config,
    publish: coalescedKafkaPublish(bus, config),
    ready: () => Promise.resolve(),
    logger: createLogger({ service: 'webhook-ingest', level: 'warn' }),
  });
  return ingest.listen(0);
}

async function main(): Promise<void> {
  const target = process.argv[2] as Target;
  const brokers = (process.env['BENCH_BROKERS'] ?? '').split(',');
  const url = target === 'baseline' ? await startBaseline() : target === 'floor' ? await startFloor(brokers) : await startIngest(brokers);
  process.on('message', (message) => {
    if (message === 'rss') process.send?.({ peakRssBytes: peakRssBytes() });
    if (message === 'cpu') process.send?.({ cpuMicros: cpuMicros() });
  });
  process.once('SIGTERM', () => process.exit(0));
  process.send?.({ url });
}

void main();
