import { createKafkaBus, type MessageBatch } from '@recado/bus';
import type { SendCommand } from '@recado/contracts';
import type { MessageContent } from '@recado/meta-cloud';
import { benchMetaClient, requiredEnv, runCountOf, serveBench, type RunCount } from './bench-consumer-kit';
import { wallClockMs } from './bench-process';

/**
 * The baseline: consumes send-commands with the dispatcher's consumer settings (the Kafka bus,
 * its defaults, `eachBatch` chunks of the same size) and POSTs each command to the sandbox with
 * the same Cloud API client, pool and concurrency. Nothing else: no validation, no PostgreSQL,
 * no decision, no outcome.
 */

async function main(): Promise<void> {
  const concurrency = Number(requiredEnv('BENCH_SEND_CONCURRENCY'));
  const client = benchMetaClient();
  const runs = new Map<string, RunCount>();
  let firstError: string | undefined;

  const sendOne = async (command: SendCommand): Promise<void> => {
    const answer = await client.send({ to: command.recipient.waId ?? '', content: command.content as unknown as MessageContent, bizOpaqueCallbackData: command.commandId });
    const count = runCountOf(runs, command.commandId);
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

  const bus = createKafkaBus({ brokers: requiredEnv('BENCH_BROKERS').split(','), clientId: 'bench-baseline', logLevel: 'error' });
  const subscription = await bus.subscribe({ group: requiredEnv('BENCH_GROUP'), topics: [requiredEnv('BENCH_TOPIC')], maxBatchSize: Number(requiredEnv('BENCH_MAX_BATCH')), handler });

  serveBench(runs, () => firstError, async () => {
    await subscription.stop();
    await bus.close();
    await client.close();
  });
}

main().catch((cause: unknown) => {
  console.error(cause);
  process.exit(1);
});
