import { KAFKA_BOOTSTRAP_ENV, kafkaTestBootstrap, uniqueName } from './kafka';

describe('Kafka test helpers', () => {
  const saved = process.env[KAFKA_BOOTSTRAP_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[KAFKA_BOOTSTRAP_ENV];
    else process.env[KAFKA_BOOTSTRAP_ENV] = saved;
  });

  it('reads the bootstrap list the global set-up exported', () => {
    process.env[KAFKA_BOOTSTRAP_ENV] = '127.0.0.1:1001,127.0.0.1:1002';
    expect(kafkaTestBootstrap()).toEqual(['127.0.0.1:1001', '127.0.0.1:1002']);
  });

  it('says how to get a broker when none was started', () => {
    delete process.env[KAFKA_BOOTSTRAP_ENV];
    expect(() => kafkaTestBootstrap()).toThrow(/KAFKA_TEST_BOOTSTRAP is not set.*global set-up starts the Kafka test broker/);
  });

  it('gives every call a different name with the prefix', () => {
    const names = new Set(Array.from({ length: 100 }, () => uniqueName('orders')));
    expect(names.size).toBe(100);
    for (const name of names) expect(name).toMatch(/^orders-[0-9a-f]{10}$/);
  });
});
