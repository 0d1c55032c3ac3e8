import { ConfigError } from '@recado/service-kit';
import { loadDispatcherConfig } from './config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const minimal = { DATABASE_URL: 'postgres://db/recado', KAFKA_BROKERS: 'kafka:9092', RECADO_SECRET_KEYS: `k1:${KEY}`, RECADO_SECRET_KEY_ID: 'k1' };

describe('loadDispatcherConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadDispatcherConfig(minimal);
    expect(config).toMatchObject({ databaseUrl: 'postgres://db/recado', databasePoolSize: 20, kafkaBrokers: ['kafka:9092'], port: 8082, logLevel: 'info' });
    expect(config.settings).toMatchObject({
      group: 'recado-dispatcher', throughputPerSecond: undefined, sendConcurrency: 64, maxBatchSize: 500, concurrentPartitions: 12, inDoubtGraceMs: 120_000,
      meta: { baseUrl: 'https://graph.facebook.com', graphApiVersion: 'v23.0', poolSize: 64, requestTimeoutMs: 15_000, fallbackAccessToken: undefined },
    });
  });

  it('takes every setting from the environment', () => {
    const config = loadDispatcherConfig({
      ...minimal, DATABASE_POOL_SIZE: '30', DISPATCHER_THROUGHPUT_PER_SECOND: '250', DISPATCHER_SEND_CONCURRENCY: '8', DISPATCHER_MAX_BATCH: '100',
      DISPATCHER_CONCURRENT_PARTITIONS: '4', DISPATCHER_IN_DOUBT_GRACE_MS: '5000', META_BASE_URL: 'http://sandbox:9000', META_GRAPH_API_VERSION: 'v24.0',
    });
    expect(config.databasePoolSize).toBe(30);
    expect(config.settings).toMatchObject({ throughputPerSecond: 250, sendConcurrency: 8, maxBatchSize: 100, concurrentPartitions: 4, inDoubtGraceMs: 5_000, meta: { baseUrl: 'http://sandbox:9000', graphApiVersion: 'v24.0' } });
  });

  it.each([
    ['a URL that is not PostgreSQL', { DATABASE_URL: 'mysql://db' }, /DATABASE_URL.*must be a postgres:\/\/ URL/],
    ['an empty pool', { DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE="0"/],
    ['a throughput over Meta’s ceiling', { DISPATCHER_THROUGHPUT_PER_SECOND: '20000' }, /DISPATCHER_THROUGHPUT_PER_SECOND="20000"/],
    ['no partitions at once', { DISPATCHER_CONCURRENT_PARTITIONS: '0' }, /DISPATCHER_CONCURRENT_PARTITIONS="0"/],
    ['a Graph version without a v', { META_GRAPH_API_VERSION: '23.0' }, /META_GRAPH_API_VERSION.*must look like v23.0/],
    ['a key ring naming a missing key', { RECADO_SECRET_KEY_ID: 'k2' }, /RECADO_SECRET_KEYS \/ RECADO_SECRET_KEY_ID/],
  ])('refuses %s with a message naming the variable', (_case, override, message) => {
    expect(() => loadDispatcherConfig({ ...minimal, ...override })).toThrow(ConfigError);
    expect(() => loadDispatcherConfig({ ...minimal, ...override })).toThrow(message);
  });

  it('lists every missing variable at once', () => {
    expect(() => loadDispatcherConfig({})).toThrow(/DATABASE_URL[\s\S]*KAFKA_BROKERS/);
  });
});
