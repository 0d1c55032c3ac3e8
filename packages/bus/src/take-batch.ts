/** A caller's items waiting to be handled together with other callers'. */
export interface Waiting<T> {
  readonly messages: readonly T[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Takes callers from the head of the queue while their items fit in `maxItems` (the first always goes). */
export function takeBatch<T>(queue: Waiting<T>[], maxItems: number): Waiting<T>[] {
  const batch: Waiting<T>[] = [];
  let count = 0;
  while (queue.length > 0) {
    const next = queue[0] as Waiting<T>;
    if (batch.length > 0 && count + next.messages.length > maxItems) break;
    batch.push(next);
    count += next.messages.length;
    queue.shift();
  }
  return batch;
}

/** Settles every caller of a batch: resolved, or rejected with `error`. */
export function settle<T>(batch: readonly Waiting<T>[], error?: unknown): void {
  for (const waiting of batch) {
    if (error === undefined) waiting.resolve();
    else waiting.reject(error);
  }
}
