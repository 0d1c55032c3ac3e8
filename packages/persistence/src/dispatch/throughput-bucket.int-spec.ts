import { setTimeout as sleep } from 'node:timers/promises';
import type { QueryRunner } from 'typeorm';
import { inTransaction } from '../data-source/db';
import * as repo from '../repositories';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { seedTenant, type SeededTenant } from '../test/seed';
import { takeThroughputTokens } from './throughput-bucket.repository';

describe('throughput buckets', () => {
  let db: MigratedDatabase;
  let t: SeededTenant;
  let numbers = 0;
  const m = () => db.dataSource.manager;

  /** A business number of its own, so that every test starts with a bucket never used. */
  const newPhone = async (): Promise<string> => {
    numbers += 1;
    return inTransaction(db.dataSource, async (tx) => (await repo.savePhoneNumber(tx, t.tenantId, {
      wabaId: t.wabaId, portfolioId: t.portfolioId, metaPhoneNumberId: `pn-bucket-${numbers}-${Date.now()}`, displayPhoneNumber: `551190000${String(numbers).padStart(3, '0')}`,
    })).id);
  };

  const tokensLeft = async (phoneNumberId: string): Promise<number | undefined> => {
    const [row] = await db.dataSource.query<{ tokens: number }[]>('SELECT tokens FROM throughput_buckets WHERE phone_number_id = $1', [phoneNumberId]);
    return row?.tokens;
  };

  beforeAll(async () => {
    db = await openMigratedPostgres();
    t = await seedTenant(db.dataSource);
  });

  afterAll(() => db.close());

  it('grants up to `burst` on the first call, and keeps the rest', async () => {
    const phone = await newPhone();
    expect(await takeThroughputTokens(m(), phone, 3, 1, 5)).toEqual({ granted: 3, retryAfterMs: 0 });
    expect(await tokensLeft(phone)).toBeCloseTo(2, 1);
    const other = await newPhone();
    expect(await takeThroughputTokens(m(), other, 50, 1, 5)).toEqual({ granted: 5, retryAfterMs: expect.any(Number) });
  });

  it('grants what is there when asked for more, with a positive retryAfterMs', async () => {
    const phone = await newPhone();
    await takeThroughputTokens(m(), phone, 3, 1, 5);
    const grant = await takeThroughputTokens(m(), phone, 5, 1, 5);
    expect(grant.granted).toBe(2);
    // About one token is missing at 1 per second.
    expect(grant.retryAfterMs).toBeGreaterThan(900);
    expect(grant.retryAfterMs).toBeLessThanOrEqual(1_000);
    const empty = await takeThroughputTokens(m(), phone, 1, 1, 5);
    expect(empty.granted).toBe(0);
    expect(empty.retryAfterMs).toBeGreaterThan(0);
    expect(empty.retryAfterMs).toBeLessThanOrEqual(1_000);
  });

  it('grants nothing, and touches nothing, when asked for nothing', async () => {
    const phone = await newPhone();
    expect(await takeThroughputTokens(m(), phone, 0, 1, 5)).toEqual({ granted: 0, retryAfterMs: 0 });
    expect(await tokensLeft(phone)).toBeUndefined();
  });

  it('refills with time at `perSecond`', async () => {
    const phone = await newPhone();
    expect((await takeThroughputTokens(m(), phone, 10, 20, 10)).granted).toBe(10);
    const started = Date.now();
    await sleep(150);
    const grant = await takeThroughputTokens(m(), phone, 10, 20, 10);
    const elapsedMs = Date.now() - started;
    // 20 per second for ~150 ms: about 3 tokens, never more than the time allows.
    expect(grant.granted).toBeGreaterThanOrEqual(2);
    expect(grant.granted).toBeLessThanOrEqual(Math.floor((20 * (elapsedMs + 20)) / 1000));
    expect(grant.retryAfterMs).toBeGreaterThan(0);
    expect(grant.retryAfterMs).toBeLessThanOrEqual(50);
  });

  it('never holds more than `burst`, however long it rests', async () => {
    const phone = await newPhone();
    expect((await takeThroughputTokens(m(), phone, 2, 20, 2)).granted).toBe(2);
    await sleep(250);
    expect(await takeThroughputTokens(m(), phone, 10, 20, 2)).toEqual({ granted: 2, retryAfterMs: expect.any(Number) });
  });

  it('keeps one bucket per number', async () => {
    const [one, two] = [await newPhone(), await newPhone()];
    expect((await takeThroughputTokens(m(), one, 5, 1, 5)).granted).toBe(5);
    expect((await takeThroughputTokens(m(), two, 5, 1, 5)).granted).toBe(5);
    expect((await takeThroughputTokens(m(), one, 5, 1, 5)).granted).toBe(0);
  });

  describe('with takers on two connections', () => {
    let runners: QueryRunner[] = [];

    const connect = async (): Promise<QueryRunner> => {
      const runner = db.dataSource.createQueryRunner();
      runners.push(runner);
      await runner.connect();
      return runner;
    };

    afterEach(async () => {
      for (const runner of runners) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      runners = [];
    });

    it('never grants what the other took while it waited for the bucket', async () => {
      const phone = await newPhone();
      expect((await takeThroughputTokens(m(), phone, 1, 0.001, 10)).granted).toBe(1);
      const first = await connect();
      const second = await connect();
      await first.startTransaction();
      expect((await takeThroughputTokens(first.manager, phone, 4, 0.001, 10)).granted).toBe(4);
      let settled = false;
      const waiting = takeThroughputTokens(second.manager, phone, 10, 0.001, 10).finally(() => (settled = true));
      await sleep(200);
      expect(settled).toBe(false);
      await first.commitTransaction();
      expect((await waiting).granted).toBe(5);
      expect(await tokensLeft(phone)).toBeCloseTo(0, 1);
    });

    it('never over-grants in total when they race', async () => {
      const phone = await newPhone();
      const [first, second] = [await connect(), await connect()];
      const started = Date.now();
      const taker = async (runner: QueryRunner): Promise<number> => {
        let granted = 0;
        for (let call = 0; call < 40; call += 1) granted += (await takeThroughputTokens(runner.manager, phone, 1, 2, 20)).granted;
        return granted;
      };
      const [one, two] = await Promise.all([taker(first), taker(second)]);
      const elapsedSeconds = (Date.now() - started) / 1000;
      expect(one + two).toBeGreaterThanOrEqual(20);
      expect(one + two).toBeLessThanOrEqual(20 + Math.floor(2 * elapsedSeconds) + 1);
      expect(one).toBeGreaterThan(0);
      expect(two).toBeGreaterThan(0);
    });
  });
});
