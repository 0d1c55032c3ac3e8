import { keyRingFromEnv, type KeyRing } from '@recado/persistence';
import { envInteger, envList, envLogLevel, envOptionalInteger, hostPort, loadConfig, ConfigError } from '@recado/service-kit';
import { z } from 'zod';
import type { DispatcherSettings } from './dispatcher';

const environment = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  DATABASE_POOL_SIZE: envInteger(20, { min: 1, max: 500 }),
  KAFKA_BROKERS: envList(hostPort).pipe(z.array(z.string()).min(1, 'set at least one host:port')),
  META_BASE_URL: z.url().default('https://graph.facebook.com'),
  META_GRAPH_API_VERSION: z.string().regex(/^v\d+\.\d+$/, 'must look like v23.0').default('v23.0'),
  /** Only for accounts without a stored token (the sandbox); production tokens are stored encrypted per account. */
  META_FALLBACK_ACCESS_TOKEN: z.string().min(1).optional(),
  META_POOL_SIZE: envInteger(64, { min: 1, max: 1024 }),
  META_REQUEST_TIMEOUT_MS: envInteger(15_000, { min: 100 }),
  DISPATCHER_THROUGHPUT_PER_SECOND: envOptionalInteger({ min: 1, max: 10_000 }),
  DISPATCHER_SEND_CONCURRENCY: envInteger(64, { min: 1, max: 1024 }),
  DISPATCHER_MAX_BATCH: envInteger(500, { min: 1, max: 10_000 }),
  DISPATCHER_CONCURRENT_PARTITIONS: envInteger(12, { min: 1, max: 1024 }),
  DISPATCHER_IN_DOUBT_GRACE_MS: envInteger(120_000, { min: 1_000 }),
  DISPATCHER_PORT: envInteger(8082, { max: 65_535 }),
  LOG_LEVEL: envLogLevel,
});

export interface DispatcherConfig {
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly kafkaBrokers: readonly string[];
  readonly port: number;
  readonly logLevel: z.output<typeof envLogLevel>;
  readonly settings: DispatcherSettings;
}

function keyRingOf(env: NodeJS.ProcessEnv): KeyRing {
  try {
    return keyRingFromEnv(env);
  } catch (error) {
    throw new ConfigError('dispatcher', [`RECADO_SECRET_KEYS / RECADO_SECRET_KEY_ID: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

export function loadDispatcherConfig(env: NodeJS.ProcessEnv = process.env): DispatcherConfig {
  const values = loadConfig('dispatcher', environment, env);
  return {
    databaseUrl: values.DATABASE_URL,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    kafkaBrokers: values.KAFKA_BROKERS,
    port: values.DISPATCHER_PORT,
    logLevel: values.LOG_LEVEL,
    settings: {
      group: 'recado-dispatcher',
      throughputPerSecond: values.DISPATCHER_THROUGHPUT_PER_SECOND,
      sendConcurrency: values.DISPATCHER_SEND_CONCURRENCY,
      maxBatchSize: values.DISPATCHER_MAX_BATCH,
      concurrentPartitions: values.DISPATCHER_CONCURRENT_PARTITIONS,
      heldSendsIntervalMs: 250,
      inDoubtGraceMs: values.DISPATCHER_IN_DOUBT_GRACE_MS,
      keyRing: keyRingOf(env),
      meta: {
        baseUrl: values.META_BASE_URL,
        graphApiVersion: values.META_GRAPH_API_VERSION,
        poolSize: values.META_POOL_SIZE,
        requestTimeoutMs: values.META_REQUEST_TIMEOUT_MS,
        fallbackAccessToken: values.META_FALLBACK_ACCESS_TOKEN,
      },
    },
  };
}
