import { setTimeout as sleep } from 'node:timers/promises';
import type { Bus, MessageBatch } from '../bus';
import { ascending, numbered, readNumbered, Recorder, testName, waitFor } from './bus-test-kit';

const record = (recorder: Recorder) => (batch: MessageBatch): Promise<void> => {
  recorder.seen(batch);
  recorder.succeeded(batch);
  return Promise.resolve();
};

export async function deliversEachKeyInOrder(bus: Bus): Promise<void> {
  const topic = testName('order');
  const messages = numbered(topic, 10, 20);
  await bus.publish(messages.slice(0, 100));
  const recorder = new Recorder();
  const subscription = await bus.subscribe({ group: testName('order'), topics: [topic], maxBatchSize: 7, handler: record(recorder) });
  await bus.publish(messages.slice(100, 150));
  await bus.publish(messages.slice(150));
  await waitFor('200 messages', () => recorder.handled.length >= 200);
  await subscription.stop();

  expect(new Set(recorder.ids()).size).toBe(200);
  expect(recorder.handled).toHaveLength(200);
  for (const seqs of recorder.perKey().values()) expect(seqs).toEqual(ascending(20));
  for (const batch of recorder.batches) {
    expect(batch.messages.length).toBeGreaterThan(0);
    expect(batch.messages.length).toBeLessThanOrEqual(7);
    expect(batch.attempt).toBe(1);
    const offsets = batch.messages.map((message) => Number(message.offset));
    expect(offsets).toEqual(ascending(offsets.length, offsets[0]));
    for (const message of batch.messages) {
      expect([message.topic, message.partition]).toEqual([topic, batch.partition]);
      expect(message.headers['x-seq']).toBe(String(readNumbered(message).seq));
      expect(message.key).toBe(readNumbered(message).key);
    }
  }
}

export async function redeliversAFailedBatch(bus: Bus): Promise<void> {
  const topic = testName('redeliver');
  await bus.publish(numbered(topic, 3, 10));
  const recorder = new Recorder();
  const errors: unknown[] = [];
  const isPoisoned = (batch: MessageBatch): boolean => batch.messages.some((message) => readNumbered(message).key === 'key-1' && readNumbered(message).seq === 4);
  const subscription = await bus.subscribe({
    group: testName('redeliver'),
    topics: [topic],
    maxBatchSize: 5,
    redeliveryBackoff: { initialMs: 50, maxMs: 200 },
    onHandlerError: (error) => errors.push(error),
    handler: (batch) => {
      recorder.seen(batch);
      if (isPoisoned(batch) && batch.attempt < 3) return Promise.reject(new Error(`failure ${batch.attempt}`));
      recorder.succeeded(batch);
      return Promise.resolve();
    },
  });
  await waitFor('30 messages', () => recorder.handled.length >= 30);
  await subscription.stop();

  expect(errors.map((error) => (error as Error).message)).toEqual(['failure 1', 'failure 2']);
  const poisoned = recorder.batches.filter(isPoisoned);
  expect(poisoned.map((batch) => batch.attempt)).toEqual([1, 2, 3]);
  const offsetsOf = (batch: MessageBatch): string[] => batch.messages.map((message) => message.offset);
  expect(offsetsOf(poisoned[1] as MessageBatch)).toEqual(offsetsOf(poisoned[0] as MessageBatch));
  expect(offsetsOf(poisoned[2] as MessageBatch)).toEqual(offsetsOf(poisoned[0] as MessageBatch));
  expect(recorder.handled).toHaveLength(30);
  for (const seqs of recorder.perKey().values()) expect(seqs).toEqual(ascending(10));
}

export async function pausesAndResumes(bus: Bus): Promise<void> {
  const topic = testName('pause');
  const recorder = new Recorder();
  const subscription = await bus.subscribe({ group: testName('pause'), topics: [topic], handler: record(recorder) });
  await bus.publish(numbered(topic, 2, 5));
  await waitFor('the first 10 messages', () => recorder.handled.length >= 10);

  subscription.pause();
  expect(subscription.paused).toBe(true);
  await bus.publish(numbered(topic, 2, 5, 5));
  await sleep(800);
  expect(recorder.handled).toHaveLength(10);

  subscription.resume();
  expect(subscription.paused).toBe(false);
  await waitFor('the 10 messages published while paused', () => recorder.handled.length >= 20);
  await subscription.stop();
  expect(recorder.handled).toHaveLength(20);
  for (const seqs of recorder.perKey().values()) expect(seqs).toEqual(ascending(10));
}

export async function runsPartitionsSideBySide(bus: Bus): Promise<void> {
  const topic = testName('side-by-side');
  await bus.publish(numbered(topic, 16, 10));
  const recorder = new Recorder();
  let running = 0;
  let peak = 0;
  const subscription = await bus.subscribe({
    group: testName('side-by-side'),
    topics: [topic],
    maxBatchSize: 5,
    concurrentPartitions: 4,
    handler: async (batch) => {
      running += 1;
      peak = Math.max(peak, running);
      recorder.seen(batch);
      await sleep(50);
      recorder.succeeded(batch);
      running -= 1;
    },
  });
  await waitFor('160 messages', () => recorder.handled.length >= 160);
  await subscription.stop();

  expect(peak).toBeGreaterThan(1);
  expect(peak).toBeLessThanOrEqual(4);
  expect(recorder.handled).toHaveLength(160);
  for (const seqs of recorder.perKey().values()) expect(seqs).toEqual(ascending(10));
}
