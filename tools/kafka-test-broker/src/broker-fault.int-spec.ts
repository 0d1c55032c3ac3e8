import type { Consumer, Kafka, Producer } from 'kafkajs';
import { startKafkaTestBroker, type KafkaTestBroker } from './kafka-test-broker';
import { fastConsumer, highWatermark, kafkaFor, leaderOf, sleep, uniqueName, waitFor } from './int-spec-support';

// Group joins take seconds on the mock; the root jest run ignores the preset's testTimeout.
jest.setTimeout(30_000);

const outageMs = 3_000;

interface ProductionRecord {
  acknowledged: string[];
  failed: string[];
  slowestSendMs: number;
}

/** Sends one message at a time (acks -1) until `stop` is called, recording each outcome. */
function produceOneByOne(producer: Producer, topic: string): { record: ProductionRecord; stop: () => Promise<void> } {
  const record: ProductionRecord = { acknowledged: [], failed: [], slowestSendMs: 0 };
  let producing = true;
  const production = (async (): Promise<void> => {
    for (let i = 0; producing; i++) {
      const value = `message-${i}`;
      const started = Date.now();
      try {
        await producer.send({ topic, acks: -1, messages: [{ value }] });
        record.acknowledged.push(value);
      } catch {
        record.failed.push(value);
      }
      record.slowestSendMs = Math.max(record.slowestSendMs, Date.now() - started);
    }
  })();
  const stop = async (): Promise<void> => {
    producing = false;
    await production;
  };
  return { record, stop };
}

describe('a partition leader going down and up', () => {
  const topic = uniqueName('outage');
  let broker: KafkaTestBroker;
  let kafka: Kafka;
  let producer: Producer;
  let consumer: Consumer | undefined;

  /** Reads the partition from the start until its end; resolves with the values seen. */
  const readEverything = async (): Promise<Set<string>> => {
    const end = await highWatermark(kafka, topic);
    const values = new Set<string>();
    let consumed = 0;
    consumer = kafka.consumer(fastConsumer(uniqueName('verifier')));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        values.add(message.value?.toString() ?? '');
        consumed++;
      },
    });
    await waitFor(() => consumed >= end, `all ${end} messages of the partition`, {
      state: () => `${consumed} consumed`,
    });
    return values;
  };

  beforeAll(async () => {
    broker = await startKafkaTestBroker({ brokers: 3, topics: [{ name: topic, partitions: 1 }] });
    kafka = kafkaFor(broker);
    producer = kafka.producer({ retry: { initialRetryTime: 100, maxRetryTime: 500, retries: 30 } });
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.all([producer?.disconnect(), consumer?.disconnect()]);
    await broker?.stop();
  });

  it('loses no acknowledged message', async () => {
    const leader = await leaderOf(kafka, topic);
    const { record, stop } = produceOneByOne(producer, topic);

    await sleep(500);
    await broker.brokerDown(leader);
    await sleep(outageMs);
    await broker.brokerUp(leader);
    const acknowledgedBeforeUp = record.acknowledged.length;
    await waitFor(() => record.acknowledged.length >= acknowledgedBeforeUp + 20, 'acknowledgements after the leader is back', {
      state: () => `${record.acknowledged.length - acknowledgedBeforeUp} acknowledged, ${record.failed.length} failed`,
    });
    await stop();
    const received = await readEverything();

    expect(record.slowestSendMs).toBeGreaterThanOrEqual(outageMs - 1_000); // the outage was felt
    expect(record.failed).toEqual([]);
    expect(record.acknowledged.filter((value) => !received.has(value))).toEqual([]);
  });
});
