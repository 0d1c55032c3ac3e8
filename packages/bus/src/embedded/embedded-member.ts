import type { BatchHandler, MessageBatch, RedeliveryBackoff } from '../bus';

/** One subscriber of an embedded group, and the batches it is running. */
export class EmbeddedMember {
  paused = false;
  stopping = false;
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    readonly id: number,
    readonly topics: readonly string[],
    readonly handler: BatchHandler,
    readonly maxBatchSize: number,
    readonly backoff: RedeliveryBackoff,
    readonly onHandlerError?: (error: unknown, batch: MessageBatch) => void,
  ) {}

  /** Runs `work` as one of this member's batches, so that `idle()` waits for it. */
  async track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    try {
      return await work;
    } finally {
      this.running.delete(work);
    }
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
