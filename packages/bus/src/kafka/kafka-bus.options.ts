import { logLevel } from 'kafkajs';

export interface KafkaConsumerSettings {
  /** kafkajs default 30,000; tests use 3,000–6,000 to rebalance quickly. */
  readonly sessionTimeout: number;
  readonly rebalanceTimeout: number;
  readonly heartbeatInterval: number;
  /** How long a fetch waits for new records; lower means lower latency and more requests. */
  readonly maxWaitTimeInMs: number;
  readonly maxBytesPerPartition: number;
  readonly partitionsConsumedConcurrently: number;
  /** Delay before a crashed consumer is recreated; doubles on each crash in a row, up to 30 s. */
  readonly restartDelayMs: number;
}

export interface KafkaProducerSettings {
  readonly retries: number;
  readonly initialRetryTimeMs: number;
  readonly maxRetryTimeMs: number;
  /** How long the leader waits for the in-sync replicas' acknowledgement. */
  readonly ackTimeoutMs: number;
}

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  readonly logLevel?: KafkaLogLevel;
  readonly consumer?: Partial<KafkaConsumerSettings>;
  readonly producer?: Partial<KafkaProducerSettings>;
  /** Told about consumer crashes (the consumer is then recreated) and failed restarts. */
  readonly onError?: (error: unknown) => void;
}

export interface KafkaBusSettings {
  readonly consumer: KafkaConsumerSettings;
  readonly producer: KafkaProducerSettings;
  readonly onError: (error: unknown) => void;
}

const DEFAULT_CONSUMER: KafkaConsumerSettings = {
  sessionTimeout: 30_000,
  rebalanceTimeout: 60_000,
  heartbeatInterval: 3_000,
  maxWaitTimeInMs: 500,
  maxBytesPerPartition: 1_048_576,
  partitionsConsumedConcurrently: 1,
  restartDelayMs: 1_000,
};

// Retries span ~20 s, enough to outlast a leader election or a broker restart.
const DEFAULT_PRODUCER: KafkaProducerSettings = { retries: 8, initialRetryTimeMs: 200, maxRetryTimeMs: 5_000, ackTimeoutMs: 30_000 };

export function kafkaBusSettings(options: KafkaBusOptions): KafkaBusSettings {
  return {
    consumer: { ...DEFAULT_CONSUMER, ...options.consumer },
    producer: { ...DEFAULT_PRODUCER, ...options.producer },
    onError: options.onError ?? (() => undefined),
  };
}

export const KAFKAJS_LOG_LEVELS: Readonly<Record<KafkaLogLevel, logLevel>> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};
