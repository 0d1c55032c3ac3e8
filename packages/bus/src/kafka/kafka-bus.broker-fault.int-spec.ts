import { setTimeout as sleep } from 'node:timers/promises';
import { startKafkaTestBroker, type KafkaTestBroker } from '@recado/kafka-test-broker';
import type { Bus } from '../bus';
import { id, numbered, readNumbered, waitFor, type Numbered } from '../testing/bus-test-kit';
import { createKafkaBus } from './kafka-bus';

const TOPIC = 'fault-orders';
const KEYS = 8;

/** Publishes one message per key per round, as an outbox relay would: a failed batch is retried as a whole. */
function publishUntil(bus: Bus, done: () => boolean, acknowledged: Numbered[], failures: unknown[]): Promise<void> {
  return (async () => {
    for (let seq = 0; !done(); seq += 1) {
      const batch = numbered(TOPIC, KEYS, 1, seq);
      for (;;) {
        try {
          await bus.publish(batch);
          break;
        } catch (error) {
          failures.push(error);
          await sleep(100);
        }
      }
      acknowledged.push(...batch.map((message) => JSON.parse(message.value.toString('utf8')) as Numbered));
      await sleep(10);
    }
  })();
}

describe('Kafka bus with a broker down and up', () => {
  let broker: KafkaTestBroker;
  let bus: Bus;
  const errors: unknown[] = [];

  beforeAll(async () => {
    broker = await startKafkaTestBroker({ brokers: 3, topics: [{ name: TOPIC, partitions: 6 }] });
    bus = createKafkaBus({
      brokers: broker.bootstrapServers,
      logLevel: 'nothing',
      onError: (error) => errors.push(error),
      consumer: { sessionTimeout: 3_000, heartbeatInterval: 500, maxWaitTimeInMs: 100, restartDelayMs: 200 },
    });
  });

  afterAll(async () => {
    await bus.close();
    await broker.stop();
  });

  it('loses no acknowledged message and keeps every key in order', async () => {
    const received: Numbered[] = [];
    const subscription = await bus.subscribe({
      group: 'fault-group',
      topics: [TOPIC],
      handler: (batch) => Promise.resolve(void received.push(...batch.messages.map(readNumbered))),
    });
    const acknowledged: Numbered[] = [];
    let publishing = true;
    const publisher = publishUntil(bus, () => !publishing, acknowledged, []);

    await sleep(1_000);
    const beforeDown = { acknowledged: acknowledged.length, received: received.length };
    await broker.brokerDown(1);
    await sleep(3_000);
    await broker.brokerUp(1);
    const atUp = acknowledged.length;
    await sleep(1_000);
    publishing = false;
    await publisher;

    const missing = (): string[] => {
      const receivedIds = new Set(received.map(id));
      return acknowledged.map(id).filter((item) => !receivedIds.has(item));
    };
    await waitFor('every acknowledged message', () => missing().length === 0, 30_000).catch((error: unknown) => {
      throw new Error(`${String(error)}; ${missing().length} missing, first ${missing().slice(0, 5).join(' ')}; bus errors: ${errors.map(String).join(' | ')}`);
    });
    await subscription.stop();

    expect(beforeDown.acknowledged).toBeGreaterThan(0);
    expect(beforeDown.received).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(atUp);
    const firstSeen = new Map<string, number[]>();
    const seen = new Set<string>();
    for (const item of received) {
      if (seen.has(id(item))) continue;
      seen.add(id(item));
      firstSeen.set(item.key, [...(firstSeen.get(item.key) ?? []), item.seq]);
    }
    const rounds = acknowledged.length / KEYS;
    for (let key = 0; key < KEYS; key += 1) {
      const seqs = firstSeen.get(`key-${key}`) ?? [];
      expect(seqs.slice(0, rounds)).toEqual(Array.from({ length: rounds }, (_, seq) => seq));
    }
  }, 60_000);

  it('recreates a consumer that kafkajs gave up on (join refused) and keeps delivering', async () => {
    const topic = 'fault-join';
    await broker.createTopic(topic, 2);
    const JOIN_GROUP = 11;
    const COORDINATOR_NOT_AVAILABLE = 15;
    await broker.pushRequestErrors(JOIN_GROUP, COORDINATOR_NOT_AVAILABLE, 3);
    const errorsBefore = errors.length;
    const received: Numbered[] = [];
    await bus.publish(numbered(topic, 4, 5));
    const subscription = await bus.subscribe({
      group: 'refused-join',
      topics: [topic],
      handler: (batch) => Promise.resolve(void received.push(...batch.messages.map(readNumbered))),
    });
    await waitFor('20 messages', () => received.length >= 20);
    await subscription.stop();

    expect(errors.length).toBeGreaterThan(errorsBefore);
    expect(new Set(received.map(id)).size).toBe(20);
  }, 60_000);
});
