import { createRequire } from 'node:module';
import type { KafkaMessage } from 'kafkajs';
import { answerParent, wallClockMs } from './bench-process';

/*
 * Preloaded (`node -r`) into the dispatcher (dist/main.js, unchanged) and into the baseline: notes
 * when each send-command comes back from a Kafka fetch, decoded, per command id (`<run>-<n>`), and
 * answers the bench's questions about it over IPC. This is the "consume" of consume → Meta call:
 * the time a record then waits in kafkajs's queue (partitions are handed to the application one
 * at a time) and in the bus's chunks counts as the consumer's.
 */

const ID_MARK = Buffer.from('"id":"');
const QUOTE = 0x22;

interface Consumed {
  count: number;
  first: number;
  last: number;
  readonly ids: string[];
  readonly times: number[];
}

/** Runs whose every command is noted (the others: count, first and last only). */
const detailed = new Set((process.env['BENCH_TAP_DETAIL'] ?? '').split(',').filter((run) => run !== ''));
const runs = new Map<string, Consumed>();

interface FetchedBatch {
  readonly messages: readonly KafkaMessage[];
}

function note(batches: readonly FetchedBatch[]): void {
  const at = wallClockMs();
  for (const message of batches.flatMap((batch) => batch.messages)) {
    const value = message.value;
    if (value === null) continue;
    const start = value.indexOf(ID_MARK);
    if (start < 0) continue;
    const from = start + ID_MARK.length;
    const id = value.toString('latin1', from, value.indexOf(QUOTE, from));
    const run = id.slice(0, Math.max(0, id.indexOf('-')));
    let consumed = runs.get(run);
    if (consumed === undefined) {
      consumed = { count: 0, first: at, last: at, ids: [], times: [] };
      runs.set(run, consumed);
    }
    consumed.count += 1;
    consumed.last = at;
    if (detailed.has(run)) {
      consumed.ids.push(id);
      consumed.times.push(at);
    }
  }
}

// kafkajs 2.2: ConsumerGroup#fetch fetches from one broker and decodes the records into batches.
const loadInternal = createRequire(require.resolve('kafkajs'));
const ConsumerGroup = loadInternal('./src/consumer/consumerGroup') as { prototype: { fetch(this: unknown, ...args: unknown[]): Promise<FetchedBatch[]> } };
const fetch = ConsumerGroup.prototype.fetch;
ConsumerGroup.prototype.fetch = async function tappedFetch(this: unknown, ...args: unknown[]): Promise<FetchedBatch[]> {
  const batches = await fetch.apply(this, args);
  note(batches ?? []);
  return batches;
};

if (process.send !== undefined) {
  answerParent({
    consumed: ({ run }) => {
      const consumed = runs.get(String(run));
      return consumed === undefined ? { count: 0, first: null, last: null, ids: [], times: [] } : { ...consumed, ...(detailed.has(String(run)) ? {} : { ids: [], times: [] }) };
    },
  });
}
