import { setTimeout as sleep } from 'node:timers/promises';
import type { BatchHandler, MessageBatch, RedeliveryBackoff } from './bus';
import { redeliveryDelay } from './redelivery-delay';

/** What one adapter lends `deliverBatch` for a batch of one of its partitions. */
export interface DeliveryControl {
  /** False once delivery must give up (stop, pause, partition lost): the messages stay uncommitted. */
  canContinue(): boolean;
  heartbeat(): Promise<void>;
  readonly heartbeatIntervalMs: number;
  readonly backoff: RedeliveryBackoff;
  readonly onHandlerError?: (error: unknown, batch: MessageBatch) => void;
}

export type DeliveryOutcome = 'delivered' | 'abandoned';

type BatchContent = Omit<MessageBatch, 'attempt' | 'heartbeat'>;

/** Runs the handler until it succeeds, redelivering the same messages after a growing pause. */
export async function deliverBatch(handler: BatchHandler, content: BatchContent, control: DeliveryControl): Promise<DeliveryOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    if (!control.canContinue()) return 'abandoned';
    const batch: MessageBatch = { ...content, attempt, heartbeat: () => control.heartbeat() };
    const failure = await runBeating(handler, batch, control);
    if (failure === undefined) return 'delivered';
    control.onHandlerError?.(failure.error, batch);
    await waitBeating(redeliveryDelay(control.backoff, attempt), control);
  }
}

async function runBeating(handler: BatchHandler, batch: MessageBatch, control: DeliveryControl): Promise<{ error: unknown } | undefined> {
  const timer = setInterval(() => beat(control), control.heartbeatIntervalMs);
  try {
    await handler(batch);
    return undefined;
  } catch (error) {
    return { error };
  } finally {
    clearInterval(timer);
  }
}

async function waitBeating(ms: number, control: DeliveryControl): Promise<void> {
  const until = Date.now() + ms;
  while (control.canContinue() && Date.now() < until) {
    await sleep(Math.min(50, until - Date.now()));
    beat(control);
  }
}

// A failed beat means a rebalance: the commit that follows fails and the adapter rejoins, so it is not lost.
function beat(control: DeliveryControl): void {
  control.heartbeat().catch(() => undefined);
}
