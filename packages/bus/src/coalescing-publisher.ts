import { setTimeout as delay } from 'node:timers/promises';
import type { BusMessage } from './bus';
import { settle, takeBatch, type Waiting } from './take-batch';

export type Publish = (messages: readonly BusMessage[]) => Promise<void>;

/** Work on a batch of items, settling when all of them are done. */
export type BatchWork<T> = (items: readonly T[]) => Promise<void>;

export interface CoalescingOptions {
  /** Largest combined batch; a single caller's larger batch still goes whole (default 2,000). */
  readonly maxMessages?: number;
  /**
   * Combined publishes in flight at once (default 1). More overlap the wait for acknowledgements
   * with building the next batch, but a failed batch retried by the client may then land after a
   * later one: use more than 1 only where per-key order across callers does not matter.
   */
  readonly concurrency?: number;
  /**
   * How long an idle publisher waits after a first caller for others to join its batch (default
   * 0). Fewer, larger publishes cost less CPU per message; each caller may wait this much longer.
   */
  readonly lingerMs?: number;
}

/**
 * Many small concurrent publishes (one per webhook call) become few large ones: while a
 * publish is in flight, later callers queue, then go out together. Each caller's promise
 * settles with the publish that carried its messages; with `concurrency` 1, order across
 * callers is kept.
 */
export function coalescePublishes(publish: Publish, options: CoalescingOptions = {}): Publish {
  return coalesceBatches(publish, options);
}

/**
 * `coalescePublishes` for any batch work: concurrent callers' items are handed to `work`
 * together, each caller settling with the run that carried its items.
 */
export function coalesceBatches<T>(work: BatchWork<T>, { maxMessages = 2_000, concurrency = 1, lingerMs = 0 }: CoalescingOptions = {}): BatchWork<T> {
  const queue: Waiting<T>[] = [];
  let sending = 0;

  const drain = async (): Promise<void> => {
    sending += 1;
    if (lingerMs > 0) await delay(lingerMs);
    while (queue.length > 0) {
      const batch = takeBatch(queue, maxMessages);
      try {
        await work(batch.flatMap((waiting) => waiting.messages));
        settle(batch);
      } catch (error) {
        settle(batch, error ?? new Error('batch work failed'));
      }
    }
    sending -= 1;
  };

  return (messages) => {
    if (messages.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      queue.push({ messages, resolve, reject });
      if (sending < concurrency) void drain();
    });
  };
}
