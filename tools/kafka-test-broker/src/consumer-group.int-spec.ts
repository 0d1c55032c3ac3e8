import type { Admin, Kafka, Producer } from 'kafkajs';
import { startKafkaTestBroker, type KafkaTestBroker } from './kafka-test-broker';
import { GroupMember } from './int-spec-group-member';
import { kafkaFor, sleep, uniqueName, waitFor } from './int-spec-support';

// Group joins take seconds on the mock; the root jest run ignores the preset's testTimeout.
jest.setTimeout(30_000);

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);

describe('consumer groups on the test broker', () => {
  let broker: KafkaTestBroker;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const members: GroupMember[] = [];

  const startMember = async (groupId: string, topic: string, commit?: (value: number) => boolean): Promise<GroupMember> => {
    const member = new GroupMember(kafka, groupId, topic, commit);
    members.push(member);
    await member.start();
    return member;
  };

  /** Produces message i (value `${i}`) to partition i % partitions. */
  const produce = async (topic: string, values: number[], partitions: number): Promise<void> => {
    await producer.send({
      topic,
      acks: -1,
      messages: values.map((i) => ({ value: String(i), partition: i % partitions })),
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
    await Promise.all(members.splice(0).map((member) => member.stop()));
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

    const member = await startMember(groupId, topic);
    await waitFor(() => member.received.length >= 9, 'nine messages', { state: () => member.describe() });

    expect(sorted(member.received)).toEqual(range(0, 9));
    expect(await committedOffsets(groupId, topic)).toEqual({ 0: '3', 1: '3', 2: '3' });
  });

  it('shares the partitions between two members, delivering each message once', async () => {
    const topic = uniqueName('shared');
    const groupId = uniqueName('group');
    await broker.createTopic(topic, 4);
    const pair = await Promise.all([startMember(groupId, topic), startMember(groupId, topic)]);
    const state = (): string => pair.map((member) => member.describe()).join(' | ');

    const assigned = (): number[] => pair.flatMap((member) => member.assignment);
    await waitFor(
      () => pair.every((member) => member.assignment.length > 0) && sorted(assigned()).join() === '0,1,2,3',
      'both members to hold a disjoint share of the four partitions',
      { state },
    );
    await produce(topic, range(0, 40), 4);
    await waitFor(() => pair.flatMap((member) => member.received).length >= 40, 'forty messages', { state });
    await sleep(300); // a duplicate would arrive within the fetch wait

    expect(sorted(pair.flatMap((member) => member.received))).toEqual(range(0, 40));
    for (const member of pair) {
      expect(member.received.length).toBeGreaterThan(0);
      expect(member.received.filter((value) => !member.assignment.includes(value % 4))).toEqual([]);
    }
  });

  it('resumes a restarted member at the committed offset', async () => {
    const topic = uniqueName('resumed');
    const groupId = uniqueName('group');
    await broker.createTopic(topic, 1);
    await produce(topic, range(0, 10), 1);

    const firstRun = await startMember(groupId, topic, (value) => value < 6);
    await waitFor(() => firstRun.received.length >= 10, 'the first run to read all ten', { state: () => firstRun.describe() });
    await firstRun.stop();
    expect(await committedOffsets(groupId, topic)).toEqual({ 0: '6' });

    const secondRun = await startMember(groupId, topic);
    await waitFor(() => secondRun.received.length >= 4, 'the uncommitted four', { state: () => secondRun.describe() });
    await sleep(300);

    expect(firstRun.received).toEqual(range(0, 10));
    expect(secondRun.received).toEqual([6, 7, 8, 9]);
  });
});
