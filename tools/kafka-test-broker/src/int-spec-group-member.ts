import type { Consumer, Kafka } from 'kafkajs';
import { fastConsumer } from './int-spec-support';

/**
 * A consumer group member that records the numbers it reads (message values) and commits
 * each one `commit` accepts, without auto-commit. When kafkajs gives up on its consumer it
 * starts a new one: the mock answers a SyncGroup that arrives after the leader's with
 * INVALID_REQUEST, which kafkajs treats as fatal (a few percent of joins on a busy machine).
 */
export class GroupMember {
  readonly received: number[] = [];
  assignment: number[] = [];
  replacedConsumers = 0;
  failure: unknown;
  private consumer: Consumer | undefined;
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly topic: string,
    private readonly commit: (value: number) => boolean = () => true,
  ) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    const consumer = this.kafka.consumer(fastConsumer(this.groupId));
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.assignment = payload.memberAssignment[this.topic] ?? [];
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopped) return;
      this.assignment = [];
      this.replacedConsumers++;
      consumer
        .disconnect()
        .then(() => this.start())
        .catch((error: unknown) => {
          this.failure = error;
        });
    });
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const value = Number(message.value?.toString());
        if (this.commit(value)) {
          const offset = (BigInt(message.offset) + 1n).toString();
          await consumer.commitOffsets([{ topic: this.topic, partition, offset }]);
        }
        this.received.push(value);
      },
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect();
  }

  describe(): string {
    return `assignment [${this.assignment.join(',')}], ${this.received.length} received, ` +
      `${this.replacedConsumers} consumers replaced${this.failure === undefined ? '' : `, failed: ${String(this.failure)}`}`;
  }
}
