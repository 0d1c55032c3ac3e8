// A process the crash test kills with SIGKILL: it publishes without end, reporting each publish
// that resolved, while a group consumes and commits, reporting what each batch handled.
// Arguments: the data source config (JSON), the topic, the group.
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import { createEmbeddedBus, type BusMessage } from '@recado/bus';
import { createPostgresEmbeddedLog } from '../bus-log/postgres-embedded-log';
import { createDataSource, type DataSourceConfig } from '../data-source/data-source.factory';

export type CrashChildReport =
  | { readonly acked: readonly string[] }
  | { readonly handled: { readonly partition: number; readonly offsets: readonly number[] } };

const KEYS = 8;

const report = (message: CrashChildReport): void => void process.send?.(message);

function messages(topic: string, seq: number): BusMessage[] {
  return Array.from({ length: KEYS }, (_, key) => ({ topic, key: `key-${key}`, value: Buffer.from(JSON.stringify({ key: `key-${key}`, seq })), headers: {} }));
}

async function main(): Promise<void> {
  const [config, topic = '', group = ''] = process.argv.slice(2);
  const dataSource = await createDataSource(JSON.parse(config ?? '{}') as DataSourceConfig);
  const bus = createEmbeddedBus({ log: createPostgresEmbeddedLog(dataSource) });
  await bus.subscribe({
    group,
    topics: [topic],
    maxBatchSize: 5,
    handler: async (batch) => {
      await sleep(5);
      report({ handled: { partition: batch.partition, offsets: batch.messages.map((message) => Number(message.offset)) } });
    },
  });
  for (let seq = 0; ; seq += 1) {
    await bus.publish(messages(topic, seq));
    report({ acked: Array.from({ length: KEYS }, (_, key) => `key-${key}#${seq}`) });
    // PGlite answers in microtasks only: without this, a tight publish loop starves every timer.
    await yieldToEventLoop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
