import { createKafkaBus, type MessageBatch } from '@recado/bus';
import type { SendCommand } from '@recado/contracts';
import { createMetaCloudClient, type MessageContent } from '@recado/meta-cloud';
import { answerParent, peakRssBytes, wallClockMs } from './bench-process';

/**
 * The baseline: consumes send-commands with the dispatcher's consumer settings (the Kafka bus,
 * its defaults, `eachBatch` chunks of the same size) and POSTs each command to the sandbox with
 * the same Cloud API client, pool and concurrency. Nothing else: no validation, no PostgreSQL,
 * no decision, no outcome.
 */

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
};

interface RunCount {
  answered: number;
  failed: number;
  lastAt: number;
}

async function main(): Promise<void> {
  const concurrency = Number(env('BENCH_SEND_CONCURRENCY'));
  const created = createMetaCloudClient({
    accessToken: 'bench-token',
    phoneNumberId: env('BENCH_PHONE_NUMBER_ID'),
    baseUrl: env('BENCH_SANDBOX_URL'),
    graphApiVersion: 'v23.0',
    poolSize: Number(env('BENCH_POOL_SIZE')),
    requestTimeoutMs: 15_000,
  });
  if (!created.ok) throw created.error;
  const client = created.value;
  const runs = new Map<string, RunCount>();
  let firstError: string | undefined;

  const sendOne = async (command: SendCommand): Promise<void> => {
    const answer = await client.send({ to: command.recipient.waId ?? '', content: command.content as unknown as MessageContent, bizOpaqueCallbackData: command.commandId });
    const run = command.commandId.slice(0, command.commandId.indexOf('-'));
    const count = runs.get(run) ?? { answered: 0, failed: 0, lastAt: 0 };
    runs.set(run, count);
    if (answer.ok) count.answered += 1;
    else {
      count.failed += 1;
      firstError ??= answer.error.message;
    }
    count.lastAt = wallClockMs();
  };

  const handler = async (batch: MessageBatch): Promise<void> => {
    const commands = batch.messages.map((message) => (JSON.parse(message.value.toString('utf8')) as { data: SendCommand }).data);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let index = next++; index < commands.length; index = next++) await sendOne(commands[index] as SendCommand);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, commands.length) }, worker));
  };

  const bus = createKafkaBus({ brokers: env('BENCH_BROKERS').split(','), clientId: 'bench-baseline', logLevel: 'error' });
  const subscription = await bus.subscribe({ group: env('BENCH_GROUP'), topics: [env('BENCH_TOPIC')], maxBatchSize: Number(env('BENCH_MAX_BATCH')), handler });

  answerParent({
    count: ({ run }) => ({ ...(runs.get(String(run)) ?? { answered: 0, failed: 0, lastAt: 0 }), firstError }),
    rss: () => ({ peakRssBytes: peakRssBytes('self'), memory: process.memoryUsage() }),
  });
  process.once('SIGTERM', () => {
    void (async () => {
      await subscription.stop();
      await bus.close();
      await client.close();
    })().finally(() => process.exit(0));
  });
  process.send?.({ joined: true });
}

main().catch((cause: unknown) => {
  console.error(cause);
  process.exit(1);
});
