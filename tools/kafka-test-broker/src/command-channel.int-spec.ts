import type { Admin, Kafka, Producer } from 'kafkajs';
import { startKafkaTestBroker, type KafkaTestBroker } from './kafka-test-broker';
import { kafkaFor, leaderOf, uniqueName } from './int-spec-support';

const produceApiKey = 0;
const notLeaderForPartition = 6;
const requestTimedOut = 7;

describe('the broker command channel', () => {
  const topic = uniqueName('channel');
  let broker: KafkaTestBroker;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let impatientProducer: Producer;

  const send = (producerToUse: Producer, topicName = topic): Promise<unknown> =>
    producerToUse.send({ topic: topicName, acks: -1, messages: [{ value: 'hello' }] });

  beforeAll(async () => {
    broker = await startKafkaTestBroker({ brokers: 3, topics: [{ name: topic, partitions: 1 }] });
    kafka = kafkaFor(broker);
    admin = kafka.admin();
    producer = kafka.producer({ retry: { initialRetryTime: 50, retries: 10 } });
    impatientProducer = kafka.producer({ retry: { retries: 0 } });
    await Promise.all([admin.connect(), producer.connect(), impatientProducer.connect()]);
  });

  afterAll(async () => {
    await Promise.all([admin?.disconnect(), producer?.disconnect(), impatientProducer?.disconnect()]);
    await broker?.stop();
  });

  it('reports one bootstrap server per broker, with the pre-created topic', async () => {
    expect(broker.bootstrapServers).toHaveLength(3);
    for (const server of broker.bootstrapServers) expect(server).toMatch(/^127\.0\.0\.1:\d+$/);

    const cluster = await admin.describeCluster();
    expect(cluster.brokers.map((b) => b.nodeId).sort()).toEqual([1, 2, 3]);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(1);
  });

  it('creates a topic with the requested partition count, once', async () => {
    const created = uniqueName('created');
    await broker.createTopic(created, 6); // auto-creation would give 4
    const metadata = await admin.fetchTopicMetadata({ topics: [created] });
    expect(metadata.topics[0]?.partitions).toHaveLength(6);
    await expect(broker.createTopic(created, 6)).rejects.toThrow(/already exists/);
  });

  it('delays the responses of a broker by its rtt', async () => {
    const leader = await leaderOf(kafka, topic);
    await send(producer);

    await broker.setRtt(leader, 400);
    const slowStart = Date.now();
    await send(producer);
    const slowMs = Date.now() - slowStart;

    await broker.setRtt(leader, 0);
    const fastStart = Date.now();
    await send(producer);
    const fastMs = Date.now() - fastStart;

    expect(slowMs).toBeGreaterThanOrEqual(380);
    expect(fastMs).toBeLessThan(200);
  });

  it('fails the next produce request with a pushed error code', async () => {
    await broker.pushRequestErrors(produceApiKey, notLeaderForPartition);
    await expect(send(impatientProducer)).rejects.toThrow(/not the leader/);
    await expect(send(impatientProducer)).resolves.toBeDefined();
  });

  it('lets a retrying producer through pushed errors, writing its message once', async () => {
    const retried = uniqueName('retried');
    await broker.createTopic(retried, 1);
    await broker.pushRequestErrors(produceApiKey, requestTimedOut, 3);

    await send(producer, retried);

    const offsets = await admin.fetchTopicOffsets(retried);
    expect(offsets).toEqual([expect.objectContaining({ partition: 0, low: '0', high: '1' })]);
    // All three errors were spent on the retries: no request fails any more.
    await expect(send(impatientProducer, retried)).resolves.toBeDefined();
  });

  it('clears pushed errors', async () => {
    await broker.pushRequestErrors(produceApiKey, notLeaderForPartition, 5);
    await broker.clearRequestErrors(produceApiKey);
    await expect(send(impatientProducer)).resolves.toBeDefined();
  });

  it('rejects unknown commands and invalid arguments, and keeps answering', async () => {
    await expect(broker.sendCommand('frobnicate 1')).rejects.toThrow(
      "kafka-test-broker: 'frobnicate 1' failed: unknown command: frobnicate",
    );
    await expect(broker.brokerDown(99)).rejects.toThrow(/'down 99' failed: Broker: Broker not available/);
    await expect(broker.setRtt(1, -5)).rejects.toThrow(/invalid rtt: -5/);
    await expect(broker.pushRequestErrors(produceApiKey, 6, 0)).rejects.toThrow(/invalid count: 0/);
    await expect(broker.createTopic('two words', 1)).rejects.toThrow(/without whitespace/);
    await expect(broker.sendCommand('ping')).resolves.toBeUndefined();
  });

  it('answers concurrent commands in order, each promise with its own reply', async () => {
    const commands = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? `bogus${i}` : 'ping'));
    const results = await Promise.allSettled(commands.map((command) => broker.sendCommand(command)));

    results.forEach((result, i) => {
      if (i % 3 === 0) {
        expect(result).toEqual({ status: 'rejected', reason: expect.any(Error) });
        expect(result.status === 'rejected' && String(result.reason)).toContain(`unknown command: bogus${i}`);
      } else {
        expect(result).toEqual({ status: 'fulfilled', value: undefined });
      }
    });
  });
});
