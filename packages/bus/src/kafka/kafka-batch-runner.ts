import { setTimeout as sleep } from 'node:timers/promises';
import type { EachBatchPayload } from 'kafkajs';
import type { BatchHandler, MessageBatch, RedeliveryBackoff } from '../bus';
import { deliverBatch } from '../deliver-batch';
import { chunks, nextOffset, toReceivedMessage } from './kafka-records';

export interface BatchRunnerOptions {
  readonly handler: BatchHandler;
  readonly maxBatchSize: number;
  readonly backoff: RedeliveryBackoff;
  readonly heartbeatIntervalMs: number;
  readonly isPaused: () => boolean;
  readonly onHandlerError?: (error: unknown, batch: MessageBatch) => void;
}

/**
 * kafkajs `eachBatch` with `autoCommit` and `eachBatchAutoResolve` off: each chunk is resolved
 * and committed only after the handler succeeded. A chunk given up (stop, pause, lost partition)
 * stays unresolved, so kafkajs fetches it again from the same offset.
 */
export function kafkaBatchRunner(options: BatchRunnerOptions): (payload: EachBatchPayload) => Promise<void> {
  return async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
    const { topic, partition } = batch;
    const messages = batch.messages.map((message) => toReceivedMessage(batch, message));
    for (const chunk of chunks(messages, options.maxBatchSize)) {
      const outcome = await deliverBatch(options.handler, { topic, partition, messages: chunk }, {
        canContinue: () => isRunning() && !isStale() && !options.isPaused(),
        heartbeat,
        heartbeatIntervalMs: options.heartbeatIntervalMs,
        backoff: options.backoff,
        ...(options.onHandlerError && { onHandlerError: options.onHandlerError }),
      });
      if (outcome === 'abandoned') return;
      const last = chunk[chunk.length - 1]?.offset ?? batch.lastOffset();
      resolveOffset(last);
      // The payload's commit, unlike consumer.commitOffsets, also works while the consumer is stopping.
      await commitWithRetry(() => commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: nextOffset(last) }] }] }));
    }
  };
}

// A rebalance error must reach kafkajs (it rejoins and the chunk is redelivered); others are retried a little.
const REBALANCE_ERRORS = new Set(['REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID']);

async function commitWithRetry(commit: () => Promise<void>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await commit();
      return;
    } catch (error) {
      const { retriable, type } = error as { retriable?: unknown; type?: unknown };
      if (attempt >= attempts || retriable !== true || REBALANCE_ERRORS.has(String(type))) throw error;
      await sleep(100 * attempt);
    }
  }
}
