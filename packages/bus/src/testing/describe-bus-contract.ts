import type { Bus } from '../bus';
import { deliversEachKeyInOrder, pausesAndResumes, redeliversAFailedBatch, runsPartitionsSideBySide } from './delivery.cases';
import { keepsAFailingBatchForTheNextMember, resumesAfterTheLastCommit, sharesWorkBetweenMembers, stopFinishesTheRunningBatch } from './group.cases';

// Concurrent cases do not get jest's configured testTimeout.
const CASE_TIMEOUT_MS = 45_000;

export interface BusUnderTest {
  readonly bus: Bus;
  /** Releases what the fixture opened besides the bus (the bus itself is closed by the suite). */
  readonly dispose?: () => Promise<void>;
}

/**
 * The behaviour every adapter must show, run against each one. Topics have 4 partitions. Cases run
 * concurrently on one bus, each with its own topic and group, because group joins are slow on Kafka.
 */
export function describeBusContract(name: string, makeBus: () => Promise<BusUnderTest>): void {
  describe(`${name} bus contract`, () => {
    let fixture: BusUnderTest | undefined;
    const bus = (): Bus => {
      if (fixture === undefined) throw new Error('the bus was not created');
      return fixture.bus;
    };

    beforeAll(async () => {
      fixture = await makeBus();
    });

    afterAll(async () => {
      await fixture?.bus.close();
      await fixture?.dispose?.();
    });

    it.concurrent('delivers each key in publish order, every message once, in batches of at most maxBatchSize', () => deliversEachKeyInOrder(bus()), CASE_TIMEOUT_MS);
    it.concurrent('redelivers a failed batch, same messages in the same order, until the handler succeeds', () => redeliversAFailedBatch(bus()), CASE_TIMEOUT_MS);
    it.concurrent('pause stops delivery and resume continues it', () => pausesAndResumes(bus()), CASE_TIMEOUT_MS);
    it.concurrent('runs several partitions\' batches at once when asked, each key still in order', () => runsPartitionsSideBySide(bus()), CASE_TIMEOUT_MS);
    it.concurrent('a new member resumes after the last committed message: nothing lost, nothing repeated', () => resumesAfterTheLastCommit(bus()), CASE_TIMEOUT_MS);
    it.concurrent('a batch still failing when its member stops goes to the next member', () => keepsAFailingBatchForTheNextMember(bus()), CASE_TIMEOUT_MS);
    it.concurrent('two members of a group share the partitions, every message once', () => sharesWorkBetweenMembers(bus()), CASE_TIMEOUT_MS);
    it.concurrent('stop waits for the running batch, commits it, and leaves the rest to the group', () => stopFinishesTheRunningBatch(bus()), CASE_TIMEOUT_MS);
  });
}
