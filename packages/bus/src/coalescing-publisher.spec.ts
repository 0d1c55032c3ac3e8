import fc from 'fast-check';
import type { BusMessage } from './bus';
import { coalesceBatches, coalescePublishes } from './coalescing-publisher';

const message = (key: string, n: number): BusMessage => ({ topic: 't', key, value: Buffer.from(String(n)), headers: {} });

interface Gate {
  calls: BusMessage[][];
  release(index: number, error?: Error): void;
}

// A publish that only settles when the test says so, to observe what waits behind what.
function gatedPublish(): Gate & { publish: (messages: readonly BusMessage[]) => Promise<void> } {
  const calls: BusMessage[][] = [];
  const settlers: { resolve: () => void; reject: (error: Error) => void }[] = [];
  return {
    calls,
    publish: (messages) =>
      new Promise<void>((resolve, reject) => {
        calls.push([...messages]);
        settlers.push({ resolve, reject });
      }),
    release: (index, error) => (error ? settlers[index]?.reject(error) : settlers[index]?.resolve()),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('coalescePublishes', () => {
  it('sends the first call at once and the calls made meanwhile together, in order', async () => {
    const gate = gatedPublish();
    const publish = coalescePublishes(gate.publish);
    const first = publish([message('a', 1)]);
    const second = publish([message('b', 2)]);
    const third = publish([message('a', 3), message('c', 4)]);
    await tick();
    expect(gate.calls.map((call) => call.map((m) => m.value.toString()))).toEqual([['1']]);
    gate.release(0);
    await first;
    await tick();
    expect(gate.calls[1]?.map((m) => m.value.toString())).toEqual(['2', '3', '4']);
    gate.release(1);
    await expect(Promise.all([second, third])).resolves.toEqual([undefined, undefined]);
  });

  it('fails exactly the callers whose messages were in the failed publish', async () => {
    const gate = gatedPublish();
    const publish = coalescePublishes(gate.publish);
    const first = publish([message('a', 1)]);
    const second = publish([message('a', 2)]);
    await tick();
    gate.release(0, new Error('broker down'));
    await expect(first).rejects.toThrow('broker down');
    await tick();
    gate.release(1);
    await expect(second).resolves.toBeUndefined();
  });

  it('caps a combined publish at maxMessages, but never splits one caller', async () => {
    const gate = gatedPublish();
    const publish = coalescePublishes(gate.publish, { maxMessages: 3 });
    const calls = [publish([message('x', 0)]), publish([message('a', 1), message('a', 2)]), publish([message('b', 3), message('b', 4)]), publish([message('c', 5), message('c', 6), message('c', 7), message('c', 8)])];
    for (let index = 0; index < 4; index += 1) {
      await tick();
      gate.release(index);
    }
    await Promise.all(calls);
    expect(gate.calls.map((call) => call.length)).toEqual([1, 2, 2, 4]);
  });

  it('with lingerMs, holds the first call so that callers arriving meanwhile share its publish', async () => {
    const gate = gatedPublish();
    const publish = coalescePublishes(gate.publish, { lingerMs: 30 });
    const first = publish([message('a', 1)]);
    await tick();
    expect(gate.calls).toEqual([]);
    const second = publish([message('b', 2)]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(gate.calls.map((call) => call.map((m) => m.value.toString()))).toEqual([['1', '2']]);
    gate.release(0);
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
  });

  it('does not call publish for an empty batch', async () => {
    const publish = jest.fn(() => Promise.resolve());
    await coalescePublishes(publish)([]);
    expect(publish).not.toHaveBeenCalled();
  });

  it('keeps every message exactly once and in call order, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 6 }), async (sizes, maxMessages) => {
        const sent: string[] = [];
        const publish = coalescePublishes(async (messages) => {
          await tick();
          sent.push(...messages.map((m) => m.value.toString()));
        }, { maxMessages });
        let n = 0;
        const expected: string[] = [];
        const calls = sizes.map((size) => {
          const batch = Array.from({ length: size }, () => message('k', n++));
          expected.push(...batch.map((m) => m.value.toString()));
          return publish(batch);
        });
        await Promise.all(calls);
        expect(sent).toEqual(expected);
      }),
    );
  });

  it('keeps up to `concurrency` combined publishes in flight, each caller settled by its own', async () => {
    const gate = gatedPublish();
    const publish = coalescePublishes(gate.publish, { concurrency: 2 });
    const calls = [publish([message('a', 1)]), publish([message('b', 2)]), publish([message('c', 3)]), publish([message('d', 4)])];
    await tick();
    expect(gate.calls.map((call) => call.map((m) => m.value.toString()))).toEqual([['1'], ['2']]);
    gate.release(1);
    await calls[1];
    await tick();
    expect(gate.calls[2]?.map((m) => m.value.toString())).toEqual(['3', '4']);
    gate.release(0);
    gate.release(2);
    await expect(Promise.all(calls)).resolves.toHaveLength(4);
  });
});

describe('coalesceBatches', () => {
  it('hands concurrent callers\' items to one run of any work, each caller settling with its run', async () => {
    const runs: number[][] = [];
    let release: () => void = () => undefined;
    const work = coalesceBatches<number>((items) => {
      runs.push([...items]);
      return runs.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    });
    const settled: string[] = [];
    const first = work([1]).then(() => settled.push('first'));
    const second = work([2, 3]).then(() => settled.push('second'));
    const third = work([4]).then(() => settled.push('third'));
    await tick();
    expect(runs).toEqual([[1]]);
    expect(settled).toEqual([]);
    release();
    await Promise.all([first, second, third]);
    expect(runs).toEqual([[1], [2, 3, 4]]);
    expect(settled).toEqual(['first', 'second', 'third']);
  });
});
