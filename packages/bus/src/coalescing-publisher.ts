import type { BusMessage } from './bus';

export type Publish = (messages: readonly BusMessage[]) => Promise<void>;

export interface CoalescingOptions {
  /** Largest combined publish; a single caller's larger batch still goes out whole (default 2,000). */
  readonly maxMessages?: number;
  /**
   * Combined publishes in flight at once (default 1). More overlap the wait for acknowledgements
   * with building the next batch, but a failed batch retried by the client may then land after a
   * later one: use more than 1 only where per-key order across callers does not matter.
   */
  readonly concurrency?: number;
}

interface Waiting {
  readonly messages: readonly BusMessage[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Many small concurrent publishes (one per webhook call) become few large ones: while a
 * publish is in flight, later callers queue, then go out together. Each caller's promise
 * settles with the publish that carried its messages; with `concurrency` 1, order across
 * callers is kept.
 */
export function coalescePublishes(publish: Publish, { maxMessages = 2_000, concurrency = 1 }: CoalescingOptions = {}): Publish {
  const queue: Waiting[] = [];
  let sending = 0;

  const takeBatch = (): Waiting[] => {
    const batch: Waiting[] = [];
    let count = 0;
    while (queue.length > 0) {
      const next = queue[0] as Waiting;
      if (batch.length > 0 && count + next.messages.length > maxMessages) break;
      batch.push(next);
      count += next.messages.length;
      queue.shift();
    }
    return batch;
  };

  const drain = async (): Promise<void> => {
    sending += 1;
    while (queue.length > 0) {
      const batch = takeBatch();
      try {
        await publish(batch.flatMap((waiting) => waiting.messages));
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
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
