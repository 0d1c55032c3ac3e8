import { setTimeout as sleep } from 'node:timers/promises';
import type { Bus, MessageBatch } from '../bus';
import { ascending, id, numbered, Recorder, testName, waitFor } from './bus-test-kit';

const recording = (recorder: Recorder, delayMs = 0) => async (batch: MessageBatch): Promise<void> => {
  recorder.seen(batch);
  if (delayMs > 0) await sleep(delayMs);
  recorder.succeeded(batch);
};

const overlap = (a: Recorder, b: Recorder): string[] => a.ids().filter((item) => new Set(b.ids()).has(item));

export async function resumesAfterTheLastCommit(bus: Bus): Promise<void> {
  const [topic, group] = [testName('restart'), testName('restart')];
  await bus.publish(numbered(topic, 4, 10));
  const first = new Recorder();
  const firstMember = await bus.subscribe({ group, topics: [topic], maxBatchSize: 3, handler: recording(first, 20) });
  await waitFor('a dozen messages', () => first.handled.length >= 12);
  await firstMember.stop();
  const handledByFirst = first.handled.length;
  expect(handledByFirst).toBeLessThan(40);

  await bus.publish(numbered(topic, 4, 5, 10));
  const second = new Recorder();
  const secondMember = await bus.subscribe({ group, topics: [topic], handler: recording(second) });
  await waitFor('the other messages', () => first.handled.length + second.handled.length >= 60);
  await sleep(300);
  await secondMember.stop();

  expect(first.handled).toHaveLength(handledByFirst);
  expect(overlap(first, second)).toEqual([]);
  expect(new Set([...first.ids(), ...second.ids()]).size).toBe(60);
  for (const [key, seqs] of first.perKey()) expect([...seqs, ...(second.perKey().get(key) ?? [])]).toEqual(ascending(15));
}

export async function sharesWorkBetweenMembers(bus: Bus): Promise<void> {
  const [topic, group] = [testName('share'), testName('share')];
  const [a, b] = [new Recorder(), new Recorder()];
  const memberA = await bus.subscribe({ group, topics: [topic], handler: recording(a) });
  const memberB = await bus.subscribe({ group, topics: [topic], handler: recording(b) });
  await bus.publish(numbered(topic, 40, 5));
  await waitFor('200 messages', () => a.handled.length + b.handled.length >= 200);
  await sleep(300);
  await Promise.all([memberA.stop(), memberB.stop()]);

  expect(a.handled.length).toBeGreaterThan(0);
  expect(b.handled.length).toBeGreaterThan(0);
  expect(a.handled.length + b.handled.length).toBe(200);
  expect(overlap(a, b)).toEqual([]);
  const keysOfA = new Set(a.perKey().keys());
  expect([...b.perKey().keys()].filter((key) => keysOfA.has(key))).toEqual([]);
  for (const recorder of [a, b]) for (const seqs of recorder.perKey().values()) expect(seqs).toEqual(ascending(5));
}

export async function stopFinishesTheRunningBatch(bus: Bus): Promise<void> {
  const [topic, group] = [testName('stop'), testName('stop')];
  await bus.publish(numbered(topic, 1, 12));
  const first = new Recorder();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const member = await bus.subscribe({
    group,
    topics: [topic],
    maxBatchSize: 4,
    handler: async (batch) => {
      first.seen(batch);
      await gate;
      first.succeeded(batch);
    },
  });
  let stopped = false;
  try {
    await waitFor('the first batch to start', () => first.batches.length > 0);
    const stopping = member.stop().then(() => (stopped = true));
    await sleep(300);
    expect(stopped).toBe(false);
    release();
    await stopping;
  } finally {
    release(); // a failed expectation must not leave the handler, and so the suite's close, hanging
  }
  expect(first.batches).toHaveLength(1);
  const handled = first.handled.length;
  expect(first.handled.map((item) => item.seq)).toEqual(ascending(handled));

  const second = new Recorder();
  const next = await bus.subscribe({ group, topics: [topic], handler: recording(second) });
  await waitFor('the rest', () => handled + second.handled.length >= 12);
  await sleep(300);
  await next.stop();
  expect(second.handled.map((item) => item.seq)).toEqual(ascending(12 - handled, handled));
  expect(second.batches.every((batch) => batch.attempt === 1)).toBe(true);
  expect(second.handled.map(id)).not.toContain(id({ key: 'key-0', seq: 0 }));
}

export async function keepsAFailingBatchForTheNextMember(bus: Bus): Promise<void> {
  const [topic, group] = [testName('failing'), testName('failing')];
  await bus.publish(numbered(topic, 1, 6));
  const first = new Recorder();
  const failing = await bus.subscribe({
    group,
    topics: [topic],
    redeliveryBackoff: { initialMs: 20, maxMs: 50 },
    handler: (batch) => {
      first.seen(batch);
      return Promise.reject(new Error('still failing'));
    },
  });
  await waitFor('a redelivery', () => first.batches.length >= 2);
  await failing.stop();

  const second = new Recorder();
  const next = await bus.subscribe({ group, topics: [topic], handler: recording(second) });
  await waitFor('the failed messages', () => second.handled.length >= 6);
  await next.stop();
  expect(second.handled.map((item) => item.seq)).toEqual(ascending(6));
  expect(second.batches[0]?.attempt).toBe(1);
}
