/** One record to publish. `encodeKafkaMessage` from `@recado/contracts` returns exactly this shape. */
export interface BusMessage {
  readonly topic: string;
  /** Messages with the same key stay in one partition, in publish order. */
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** A record as a subscriber receives it: where it sits in its partition's log. */
export interface ReceivedMessage extends BusMessage {
  readonly partition: number;
  /** Position in the partition, a decimal string as Kafka gives it. */
  readonly offset: string;
}

/** Consecutive messages of one topic-partition, in log order. */
export interface MessageBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly ReceivedMessage[];
  /** 1 on the first delivery of these messages, then 2, 3… after failed handler runs. */
  readonly attempt: number;
  /** Keeps the group membership alive during a long handler; the bus also beats on its own. */
  heartbeat(): Promise<void>;
}

/** Resolves once every message's effect is durable; a rejection redelivers the same batch, in order. */
export type BatchHandler = (batch: MessageBatch) => Promise<void>;

export interface RedeliveryBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export interface SubscribeOptions {
  /** Members of one group share the partitions; every group receives every message. */
  readonly group: string;
  readonly topics: readonly string[];
  readonly handler: BatchHandler;
  /** Largest batch handed to the handler (default 100). */
  readonly maxBatchSize?: number;
  /** Where a group without a committed position starts (default `earliest`). */
  readonly startAt?: 'earliest' | 'latest';
  /** Delay before redelivering after a handler failure; doubles up to `maxMs` (default 100 → 5,000 ms). */
  readonly redeliveryBackoff?: RedeliveryBackoff;
  /** Told about each failed handler run before its redelivery (the bus itself never drops the error). */
  readonly onHandlerError?: (error: unknown, batch: MessageBatch) => void;
  /**
   * Kafka: how many partitions' batches the handler may be running at once (kafkajs
   * `partitionsConsumedConcurrently`; default the bus's consumer setting, 1). The embedded bus
   * always runs its partitions side by side.
   */
  readonly concurrentPartitions?: number;
}

export interface Subscription {
  /** Stops delivering new batches (back-pressure); the running handler finishes. */
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  /** Lets the running handler finish, commits it, leaves the group. Undelivered messages stay for the group. */
  stop(): Promise<void>;
}

/**
 * Publish/subscribe with at-least-once delivery, per-key order and commit after success.
 * Adapters: `createKafkaBus` (kafkajs) and `createEmbeddedBus` (in-process).
 */
export interface Bus {
  /** Resolves only once every message is durably stored (Kafka: acknowledged by all in-sync replicas). */
  publish(messages: readonly BusMessage[]): Promise<void>;
  /** Resolves once the subscriber has joined its group and received its share of partitions. */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Stops every subscription, then releases connections. */
  close(): Promise<void>;
}
