import type { DataSource } from 'typeorm';
import { relayOutboxOnce, type PublishOutboxBatch, type RelayOptions } from './outbox.relay';

export interface RelayRunnerOptions extends RelayOptions {
  readonly dataSource: DataSource;
  readonly publish: PublishOutboxBatch;
  readonly signal: AbortSignal;
  /** Told about every failed round; the runner then waits and retries the same events. */
  readonly onError: (error: unknown, consecutiveFailures: number) => void;
  readonly idleMs?: number;
  readonly maxBackoffMs?: number;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** Relays until `signal` aborts: at once while there is work, every `idleMs` when idle, backing off on failures. */
export async function runOutboxRelay(options: RelayRunnerOptions): Promise<void> {
  const idleMs = options.idleMs ?? 200;
  let failures = 0;
  while (!options.signal.aborted) {
    try {
      const published = await relayOutboxOnce(options.dataSource, options.publish, options);
      failures = 0;
      if (published === 0) await sleep(idleMs, options.signal);
    } catch (error) {
      failures += 1;
      options.onError(error, failures);
      await sleep(Math.min(options.maxBackoffMs ?? 30_000, idleMs * 2 ** Math.min(failures, 10)), options.signal);
    }
  }
}
