/** Runs work one at a time, in the order it was asked for, whatever else runs meanwhile. */
export type TakeTurn = <T>(work: () => Promise<T>) => Promise<T>;

export function serialTurns(): TakeTurn {
  let previous: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const turn = previous.then(work, work);
    previous = turn.catch(() => undefined);
    return turn;
  };
}
