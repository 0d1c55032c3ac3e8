import fc from 'fast-check';
import { roundPipeline } from './round-pipeline';

const tick = () => new Promise((resolve) => setImmediate(resolve));

interface Gate { release(): void; promise: Promise<void> }
const gate = (): Gate => {
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { release, promise };
};

describe('roundPipeline', () => {
  it('takes every batch waiting when a round starts, and overlaps a round\'s second stage with the next round\'s first', async () => {
    const log: string[] = [];
    const firstGates: Gate[] = [];
    const secondGates: Gate[] = [];
    const run = roundPipeline<number, number[]>(
      async (items) => {
        log.push(`first ${items.join(',')}`);
        const g = gate();
        firstGates.push(g);
        await g.promise;
        return [...items];
      },
      async (items) => {
        log.push(`second ${items.join(',')}`);
        const g = gate();
        secondGates.push(g);
        await g.promise;
      },
      { maxItems: 100, secondStagesInFlight: 2 },
    );
    const settled: number[] = [];
    const calls = [run([1]), run([2]), run([3, 4])].map((call, index) => call.then(() => settled.push(index)));
    await tick();
    expect(log).toEqual(['first 1']);
    firstGates[0]?.release();
    await tick();
    expect(log).toEqual(['first 1', 'second 1', 'first 2,3,4']);
    firstGates[1]?.release();
    await tick();
    expect(log).toEqual(['first 1', 'second 1', 'first 2,3,4', 'second 2,3,4']);
    expect(settled).toEqual([]);
    secondGates[1]?.release();
    await tick();
    expect(settled).toEqual([1, 2]);
    secondGates[0]?.release();
    await Promise.all(calls);
    expect(settled).toEqual([1, 2, 0]);
  });

  it('holds the first stage while as many rounds as allowed are in their second stage', async () => {
    const secondGates: Gate[] = [];
    const firsts: number[][] = [];
    const run = roundPipeline<number, void>(
      async (items) => void firsts.push([...items]),
      async () => {
        const g = gate();
        secondGates.push(g);
        await g.promise;
      },
      { maxItems: 100, secondStagesInFlight: 1 },
    );
    const calls = [run([1])];
    await tick();
    calls.push(run([2]), run([3]));
    await tick();
    expect(firsts).toEqual([[1]]);
    secondGates[0]?.release();
    await tick();
    await tick();
    expect(firsts).toEqual([[1], [2, 3]]);
    secondGates[1]?.release();
    await Promise.all(calls);
  });

  it('fails the callers of a round whose first or second stage fails, and carries on with the next', async () => {
    const run = roundPipeline<string, string[]>(
      async (items) => {
        if (items.includes('bad-first')) throw new Error('first failed');
        return [...items];
      },
      async (items) => {
        if (items.includes('bad-second')) throw new Error('second failed');
      },
      { maxItems: 1, secondStagesInFlight: 2 },
    );
    const results = await Promise.allSettled([run(['bad-first']), run(['good']), run(['bad-second']), run(['also good'])]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[0] as PromiseRejectedResult).reason).toEqual(new Error('first failed'));
    expect((results[2] as PromiseRejectedResult).reason).toEqual(new Error('second failed'));
  });

  it('hands every item to one first stage exactly once, in call order, in rounds of at most maxItems (or one whole batch)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), { maxLength: 15 }), fc.integer({ min: 1, max: 8 }), async (batches, maxItems) => {
      const rounds: number[][] = [];
      let firstRunning = 0;
      const run = roundPipeline<number, void>(
        async (items) => {
          firstRunning += 1;
          expect(firstRunning).toBe(1);
          rounds.push([...items]);
          await tick();
          firstRunning -= 1;
        },
        () => tick().then(() => undefined),
        { maxItems, secondStagesInFlight: 2 },
      );
      await Promise.all(batches.map((batch) => run(batch)));
      expect(rounds.flat()).toEqual(batches.flat());
      for (const round of rounds) expect(round.length <= maxItems || batches.some((batch) => batch.length === round.length)).toBe(true);
    }), { numRuns: 50 });
  });
});
