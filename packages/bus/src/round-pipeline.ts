import { settle, takeBatch, type Waiting } from './take-batch';

export interface RoundPipelineOptions {
  /** Largest round; a single caller's larger batch still goes whole. */
  readonly maxItems: number;
  /** Rounds in their second stage at once; the first stage waits while there are this many. */
  readonly secondStagesInFlight: number;
}

/**
 * Callers' batches become rounds of two stages. The first stage runs one round at a time, and a
 * round takes every batch waiting when it starts (so rounds grow with the load); the second
 * stage of a round overlaps the first stage of the next. Each caller settles when its round has
 * gone through both stages, or failed in either.
 */
export function roundPipeline<T, R>(
  first: (items: readonly T[]) => Promise<R>,
  second: (firstResult: R) => Promise<void>,
  { maxItems, secondStagesInFlight }: RoundPipelineOptions,
): (items: readonly T[]) => Promise<void> {
  const queue: Waiting<T>[] = [];
  const inSecondStage = new Set<Promise<void>>();
  let draining = false;

  const drain = async (): Promise<void> => {
    draining = true;
    while (queue.length > 0) {
      while (inSecondStage.size >= secondStagesInFlight) await Promise.race(inSecondStage);
      const round = takeBatch(queue, maxItems);
      let result: R;
      try {
        result = await first(round.flatMap((waiting) => waiting.messages));
      } catch (error) {
        settle(round, error ?? new Error('first stage failed'));
        continue;
      }
      const secondStage: Promise<void> = second(result)
        .then(() => settle(round), (error: unknown) => settle(round, error ?? new Error('second stage failed')))
        .finally(() => inSecondStage.delete(secondStage));
      inSecondStage.add(secondStage);
    }
    draining = false;
  };

  return (items) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ messages: items, resolve, reject });
      if (!draining) void drain();
    });
}
