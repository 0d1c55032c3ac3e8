import type { BusMessage } from './bus';

export type Publish = (messages: readonly BusMessage[]) => Promise<void>;

export interface CoalescingOptions {
  /** Largest combined publish; a single caller's larger batch still goes out whole (default 2,000). */
  readonly maxMessages?: number;
}

interface Waiting {
  readonly messages: readonly BusMessage[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Many small concurrent publishes (one per webhook call) become few large ones: while a
 * publish is in flight, later callers queue, then go out together. Each caller's promise
 * settles with the publish that carried its messages; order across callers is kept.
 */
export function coalescePublishes(publish: Publish, { maxMessages = 2_000 }: CoalescingOptions = {}): Publish {
  const queue: Waiting[] = [];
  let sending = false;

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
    sending = true;
    while (queue.length > 0) {
      const batch = takeBatch();
      try {
        await publish(batch.flatMap((waiting) => waiting.messages));
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    sending = false;
  };

  return (messages) => {
    if (messages.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      queue.push({ messages, resolve, reject });
      if (!sending) void drain();
    });
  };
}
