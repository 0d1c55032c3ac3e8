import { createMetaCloudClient, type MetaCloudClient } from '@recado/meta-cloud';
import { answerParent, peakRssBytes } from './bench-process';

/** What the baseline and the floor share: their settings, their Cloud API client, their answers to the bench. */

export const requiredEnv = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
};

export interface RunCount {
  answered: number;
  failed: number;
  lastAt: number;
}

/** The count of the run a command belongs to (its id's prefix, e.g. `bl` of `bl-17`). */
export function runCountOf(runs: Map<string, RunCount>, commandId: string): RunCount {
  const run = commandId.slice(0, commandId.indexOf('-'));
  let count = runs.get(run);
  if (count === undefined) {
    count = { answered: 0, failed: 0, lastAt: 0 };
    runs.set(run, count);
  }
  return count;
}

/** The same Cloud API client, pool and settings as the dispatcher's, aimed at the sandbox. */
export function benchMetaClient(): MetaCloudClient {
  const created = createMetaCloudClient({
    accessToken: 'bench-token',
    phoneNumberId: requiredEnv('BENCH_PHONE_NUMBER_ID'),
    baseUrl: requiredEnv('BENCH_SANDBOX_URL'),
    graphApiVersion: 'v23.0',
    poolSize: Number(requiredEnv('BENCH_POOL_SIZE')),
    requestTimeoutMs: 15_000,
  });
  if (!created.ok) throw created.error;
  return created.value;
}

/** Answers the bench's questions (per-run counts, memory), closes on SIGTERM, then says it has joined. */
export function serveBench(runs: ReadonlyMap<string, RunCount>, firstError: () => string | undefined, close: () => Promise<void>): void {
  answerParent({
    count: ({ run }) => ({ ...(runs.get(String(run)) ?? { answered: 0, failed: 0, lastAt: 0 }), firstError: firstError() }),
    rss: () => ({ peakRssBytes: peakRssBytes('self'), memory: process.memoryUsage() }),
  });
  process.once('SIGTERM', () => void close().finally(() => process.exit(0)));
  process.send?.({ joined: true });
}
