export interface RoundPipelineOptions {
  /** Largest round; a single caller's larger batch still goes whole. */
  readonly maxItems: number;
  /** Rounds in their second stage at once; the first stage waits while there are this many. */
  readonly secondStagesInFlight: number;
}

interface Waiting<T> {
  readonly items: readonly T[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
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

  const takeRound = (): Waiting<T>[] => {
    const round: Waiting<T>[] = [];
    let count = 0;
    while (queue.length > 0) {
      const next = queue[0] as Waiting<T>;
      if (round.length > 0 && count + next.items.length > maxItems) break;
      round.push(next);
      count += next.items.length;
      queue.shift();
    }
    return round;
  };

  const settle = (round: readonly Waiting<T>[], error?: unknown): void => {
    for (const waiting of round) {
      if (error === undefined) waiting.resolve();
      else waiting.reject(error);
    }
  };

  const drain = async (): Promise<void> => {
    draining = true;
    while (queue.length > 0) {
      while (inSecondStage.size >= secondStagesInFlight) await Promise.race(inSecondStage);
      const round = takeRound();
      let result: R;
      try {
        result = await first(round.flatMap((waiting) => waiting.items));
      } catch (error) {
        settle(round, error);
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
      queue.push({ items, resolve, reject });
      if (!draining) void drain();
    });
}
