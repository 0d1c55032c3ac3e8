import { startKafkaTestBroker, type KafkaTestBroker } from '@recado/kafka-test-broker';
import { createKafkaReadinessProbe, type KafkaReadinessProbe } from './kafka-readiness';

describe('Kafka readiness probe', () => {
  let broker: KafkaTestBroker;
  let probe: KafkaReadinessProbe;

  beforeAll(async () => {
    broker = await startKafkaTestBroker({ brokers: 1, topics: [{ name: 'ready-topic', partitions: 1 }] });
    probe = createKafkaReadinessProbe({ brokers: broker.bootstrapServers, topics: ['ready-topic'], timeoutMs: 1_000 });
  });
  afterAll(async () => {
    await probe.close();
    await broker.stop();
  });

  it('resolves while the cluster answers, rejects with the reason while it is down, and recovers', async () => {
    await expect(probe.check()).resolves.toBeUndefined();
    await broker.brokerDown(1);
    await expect(probe.check()).rejects.toThrow(/Kafka is not reachable/);
    await broker.brokerUp(1);
    await expect(probe.check()).resolves.toBeUndefined();
  });

  it('rejects when nothing listens at the address', async () => {
    const nowhere = createKafkaReadinessProbe({ brokers: ['127.0.0.1:1'], topics: ['t'], timeoutMs: 500 });
    await expect(nowhere.check()).rejects.toThrow(/Kafka is not reachable/);
    await nowhere.close();
  });
});
