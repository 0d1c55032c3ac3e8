import type { Admin, Consumer, Kafka, Producer } from 'kafkajs';
import { startKafkaTestBroker, type KafkaTestBroker } from './kafka-test-broker';
import { fastConsumer, kafkaFor, sleep, uniqueName, waitFor } from './int-spec-support';

// Group joins take seconds on the mock; the root jest run ignores the preset's testTimeout.
jest.setTimeout(30_000);

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
const nextOffset = (offset: string): string => (BigInt(offset) + 1n).toString();

describe('consumer groups on the test broker', () => {
  let broker: KafkaTestBroker;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const consumers: Consumer[] = [];

  const newConsumer = (groupId: string): Consumer => {
    const consumer = kafka.consumer(fastConsumer(groupId));
    consumers.push(consumer);
    return consumer;
  };

  /** Produces message i (value `${i}`) to partition i % partitions. */
  const produce = async (topic: string, values: number[], partitions: number): Promise<void> => {
    await producer.send({
      topic,
      acks: -1,
      messages: values.map((i) => ({ value: String(i), partition: i % partitions })),
    });
  };

  /** Consumes without auto-commit; commits each message after recording it, if `commit` says so. */
  const consumeInto = async (
    consumer: Consumer,
    topic: string,
    received: number[],
    commit: (value: number) => boolean = () => true,
  ): Promise<void> => {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const value = Number(message.value?.toString());
        if (commit(value)) await consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
        received.push(value);
      },
    });
  };

  const committedOffsets = async (groupId: string, topic: string): Promise<Record<number, string>> => {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Object.fromEntries((offsets?.partitions ?? []).map((p) => [p.partition, p.offset]));
  };

  beforeAll(async () => {
    broker = await startKafkaTestBroker({ brokers: 3 });
    kafka = kafkaFor(broker);
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.disconnect()));
  });

  afterAll(async () => {
    await Promise.all([admin?.disconnect(), producer?.disconnect()]);
    await broker?.stop();
  });

  it('delivers produced messages to a group and records its committed offsets', async () => {
    const topic = uniqueName('orders');
    const groupId = uniqueName('group');
    await broker.createTopic(topic, 3);
    await produce(topic, range(0, 9), 3);

    const received: number[] = [];
    await consumeInto(newConsumer(groupId), topic, received);
    await waitFor(() => received.length >= 9, 'nine messages');

    expect([...received].sort((a, b) => a - b)).toEqual(range(0, 9));
    expect(await committedOffsets(groupId, topic)).toEqual({ 0: '3', 1: '3', 2: '3' });
  });

  it('shares the partitions between two members, delivering each message once', async () => {
    const topic = uniqueName('shared');
    const groupId = uniqueName('group');
    await broker.createTopic(topic, 4);
    const members = [newConsumer(groupId), newConsumer(groupId)];
    const assignments: number[][] = [[], []];
    const received: number[][] = [[], []];
    members.forEach((member, i) =>
      member.on(member.events.GROUP_JOIN, ({ payload }) => {
        assignments[i] = payload.memberAssignment[topic] ?? [];
      }),
    );

    await Promise.all(members.map((member, i) => consumeInto(member, topic, received[i] ?? [])));
    await waitFor(
      () => assignments.every((a) => a.length > 0) && new Set(assignments.flat()).size === 4 && assignments.flat().length === 4,
      'both members to hold a disjoint share of the four partitions',
    );
    await produce(topic, range(0, 40), 4);
    await waitFor(() => received.flat().length >= 40, 'forty messages');
    await sleep(300); // a duplicate would arrive within the fetch wait

    expect(received.flat().sort((a, b) => a - b)).toEqual(range(0, 40));
    received.forEach((values, i) => {
      expect(values.length).toBeGreaterThan(0);
      expect(values.every((value) => assignments[i]?.includes(value % 4))).toBe(true);
    });
  });

  it('resumes a restarted member at the committed offset', async () => {
    const topic = uniqueName('resumed');
    const groupId = uniqueName('group');
    await broker.createTopic(topic, 1);
    await produce(topic, range(0, 10), 1);

    const firstRun: number[] = [];
    await consumeInto(newConsumer(groupId), topic, firstRun, (value) => value < 6);
    await waitFor(() => firstRun.length >= 10, 'the first run to read all ten');
    await Promise.all(consumers.splice(0).map((consumer) => consumer.disconnect()));
    expect(await committedOffsets(groupId, topic)).toEqual({ 0: '6' });

    const secondRun: number[] = [];
    await consumeInto(newConsumer(groupId), topic, secondRun);
    await waitFor(() => secondRun.length >= 4, 'the uncommitted four');
    await sleep(300);

    expect(firstRun).toEqual(range(0, 10));
    expect(secondRun).toEqual([6, 7, 8, 9]);
  });
});
