import type { Consumer, Kafka } from 'kafkajs';
import type { Subscription } from '../bus';
import type { checkSubscribeOptions } from '../subscribe-defaults';
import { kafkaBatchRunner } from './kafka-batch-runner';
import type { KafkaBusSettings } from './kafka-bus.options';

type CheckedOptions = ReturnType<typeof checkSubscribeOptions>;

const MAX_RESTART_DELAY_MS = 30_000;

/**
 * One group member. A crashed kafkajs consumer (retries exhausted, a rejected join) is never
 * restarted by kafkajs itself (`restartOnFailure` false): it is disconnected and replaced by a
 * new one after a growing delay, so the subscription keeps going whatever the cause.
 */
export class KafkaSubscription implements Subscription {
  private consumer: Consumer | undefined;
  private pending: Promise<unknown>[] = [];
  private restartTimer: NodeJS.Timeout | undefined;
  private crashesInARow = 0;
  private stopping = false;
  private pausedFlag = false;
  private markJoined: () => void = () => undefined;
  private readonly joined = new Promise<void>((resolve) => (this.markJoined = resolve));

  constructor(
    private readonly kafka: Kafka,
    private readonly settings: KafkaBusSettings,
    private readonly options: CheckedOptions,
  ) {}

  /** Resolves once the first consumer has joined the group and got its partitions. */
  async start(): Promise<void> {
    this.launch();
    await this.joined;
  }

  get paused(): boolean {
    return this.pausedFlag;
  }

  pause(): void {
    this.pausedFlag = true;
    this.applyPause();
  }

  resume(): void {
    this.pausedFlag = false;
    this.applyPause();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.markJoined();
    await Promise.allSettled(this.pending);
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private launch(): void {
    const { consumer: config } = this.settings;
    const consumer = this.kafka.consumer({
      groupId: this.options.group,
      sessionTimeout: config.sessionTimeout,
      rebalanceTimeout: config.rebalanceTimeout,
      heartbeatInterval: config.heartbeatInterval,
      maxWaitTimeInMs: config.maxWaitTimeInMs,
      maxBytesPerPartition: config.maxBytesPerPartition,
      allowAutoTopicCreation: false,
      retry: { restartOnFailure: () => Promise.resolve(false) },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.crashesInARow = 0;
      this.markJoined();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => this.recover(consumer, payload.error));
    this.track(this.run(consumer).catch((error: unknown) => this.recover(consumer, error)));
  }

  private async run(consumer: Consumer): Promise<void> {
    const { consumer: config } = this.settings;
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.startAt === 'earliest' });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrentPartitions ?? config.partitionsConsumedConcurrently,
      eachBatch: kafkaBatchRunner({
        handler: this.options.handler,
        maxBatchSize: this.options.maxBatchSize,
        backoff: this.options.redeliveryBackoff,
        heartbeatIntervalMs: config.heartbeatInterval,
        isPaused: () => this.pausedFlag,
        ...(this.options.onHandlerError && { onHandlerError: this.options.onHandlerError }),
      }),
    });
    if (this.consumer === consumer) this.applyPause();
  }

  private recover(consumer: Consumer, error: unknown): void {
    if (this.stopping || this.consumer !== consumer) return;
    this.consumer = undefined;
    this.settings.onError(error);
    this.crashesInARow += 1;
    const delay = Math.min(MAX_RESTART_DELAY_MS, this.settings.consumer.restartDelayMs * 2 ** (this.crashesInARow - 1));
    this.track(consumer.disconnect().catch(() => undefined));
    this.restartTimer = setTimeout(() => {
      if (!this.stopping) this.launch();
    }, delay);
  }

  // kafkajs refuses pause/resume before `run`; `run` applies the flag once it has started.
  private applyPause(): void {
    const consumer = this.consumer;
    if (consumer === undefined) return;
    const topics = this.options.topics.map((topic) => ({ topic }));
    try {
      if (this.pausedFlag) consumer.pause(topics);
      else consumer.resume(topics);
    } catch {
      return;
    }
  }

  private track(work: Promise<unknown>): void {
    this.pending.push(work);
    void work.finally(() => (this.pending = this.pending.filter((item) => item !== work)));
  }
}
