import { setTimeout as sleep } from 'node:timers/promises';
import type { QueryRunner } from 'typeorm';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth } from '../test/nth';
import { QueryCounter } from '../test/query-counter';
import { seedTenant, type SeededTenant } from '../test/seed';
import {
  claimDueSends, pairsWithScheduledSends, releaseScheduledSend, rescheduleSend, scheduleSends, type NewScheduledSend, type ScheduledSend,
} from './scheduled-send.repository';

const NOW = new Date('2026-03-01T12:00:00Z');
const LEASE_MS = 30_000;
const at = (offsetMs: number): Date => new Date(NOW.getTime() + offsetMs);

interface HeldRow {
  id: string;
  tenant_id: string;
  command_id: string;
  phone_number_id: string;
  contact_id: string;
  due_at: Date;
  attempt: number;
  reason_code: string;
  command: unknown;
  claimed_until: Date | null;
}

describe('scheduled sends', () => {
  const counter = new QueryCounter();
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  const m = () => db.dataSource.manager;

  /** A held send of tenant `t` to its contact number `contact`. */
  const send = (t: SeededTenant, commandId: string, contact: number, dueAt: Date, extra: Partial<NewScheduledSend> = {}): NewScheduledSend => ({
    commandId, phoneNumberId: t.phoneNumberId, contactId: nth(t.contactIds, contact), dueAt, attempt: 1, reasonCode: 'WINDOW_CLOSED',
    command: { commandId, body: { text: `hello ${commandId}` } }, ...extra,
  });

  const held = (tenantId: string): Promise<HeldRow[]> =>
    db.dataSource.query(`SELECT id::text AS id, tenant_id, command_id, phone_number_id, contact_id, due_at, attempt, reason_code, command, claimed_until
                         FROM scheduled_sends WHERE tenant_id = $1 ORDER BY id`, [tenantId]);
  const heldOne = async (tenantId: string, commandId: string): Promise<HeldRow | undefined> =>
    (await held(tenantId)).find((row) => row.command_id === commandId);
  const commandIds = (sends: readonly ScheduledSend[]): string[] => sends.map((s) => s.commandId);

  beforeAll(async () => {
    db = await openMigratedPostgres({ logger: counter });
    a = await seedTenant(db.dataSource, { contacts: 12 });
    b = await seedTenant(db.dataSource, { contacts: 4 });
  });

  afterAll(() => db.close());

  // claimDueSends works across tenants: every test starts with no held sends.
  beforeEach(() => db.dataSource.query('DELETE FROM scheduled_sends'));

  describe('scheduleSends', () => {
    it('holds every send in one query and returns the command ids it held', async () => {
      const sends = [send(a, 'cmd-1', 0, at(60_000), { attempt: 2, reasonCode: 'QUIET_HOURS' }), send(a, 'cmd-2', 1, at(120_000))];
      const { result, queries } = await counter.measure(() => scheduleSends(m(), a.tenantId, sends));
      expect(result).toEqual(['cmd-1', 'cmd-2']);
      expect(queries).toBe(1);
      expect(await held(a.tenantId)).toEqual([
        expect.objectContaining({ tenant_id: a.tenantId, command_id: 'cmd-1', phone_number_id: a.phoneNumberId, contact_id: a.contactIds[0], due_at: at(60_000), attempt: 2, reason_code: 'QUIET_HOURS', command: sends[0]?.command, claimed_until: null }),
        expect.objectContaining({ tenant_id: a.tenantId, command_id: 'cmd-2', contact_id: a.contactIds[1], due_at: at(120_000), attempt: 1, reason_code: 'WINDOW_CLOSED', command: sends[1]?.command }),
      ]);
    });

    it('keeps the first row of a command already held and returns only the commands newly held', async () => {
      expect(await scheduleSends(m(), a.tenantId, [send(a, 'cmd-1', 0, at(60_000))])).toEqual(['cmd-1']);
      const first = await heldOne(a.tenantId, 'cmd-1');
      const again = await scheduleSends(m(), a.tenantId, [send(a, 'cmd-1', 1, at(999_000), { attempt: 5, reasonCode: 'OTHER' }), send(a, 'cmd-3', 2, at(1_000))]);
      expect(again).toEqual(['cmd-3']);
      expect(await heldOne(a.tenantId, 'cmd-1')).toEqual(first);
      expect((await held(a.tenantId)).map((row) => row.command_id)).toEqual(['cmd-1', 'cmd-3']);
    });

    it('keeps the first of a command given twice in one batch', async () => {
      expect(await scheduleSends(m(), a.tenantId, [send(a, 'cmd-twice', 0, at(1_000)), send(a, 'cmd-twice', 1, at(2_000), { reasonCode: 'SECOND' })])).toEqual(['cmd-twice']);
      expect(await held(a.tenantId)).toEqual([expect.objectContaining({ command_id: 'cmd-twice', contact_id: a.contactIds[0], due_at: at(1_000), reason_code: 'WINDOW_CLOSED' })]);
    });

    it('does nothing for no sends', async () => {
      expect(await counter.measure(() => scheduleSends(m(), a.tenantId, []))).toEqual({ result: [], queries: 0 });
      expect(await held(a.tenantId)).toEqual([]);
    });

    it("holds a tenant's command id apart from the same id of another tenant", async () => {
      expect(await scheduleSends(m(), b.tenantId, [send(b, 'cmd-shared', 0, at(5_000))])).toEqual(['cmd-shared']);
      const before = await held(b.tenantId);
      expect(await scheduleSends(m(), a.tenantId, [send(a, 'cmd-shared', 0, at(7_000))])).toEqual(['cmd-shared']);
      expect(await held(b.tenantId)).toEqual(before);
      expect(await held(a.tenantId)).toEqual([expect.objectContaining({ tenant_id: a.tenantId, command_id: 'cmd-shared', due_at: at(7_000) })]);
    });
  });

  describe('pairsWithScheduledSends', () => {
    it('names the asked pairs that have held sends, and only those', async () => {
      await scheduleSends(m(), a.tenantId, [send(a, 'cmd-1', 0, at(1_000)), send(a, 'cmd-2', 0, at(2_000)), send(a, 'cmd-3', 1, at(3_000))]);
      const pair = (contact: number) => ({ phoneNumberId: a.phoneNumberId, contactId: nth(a.contactIds, contact) });
      const found = await pairsWithScheduledSends(m(), a.tenantId, [pair(0), pair(2), pair(1), pair(0)]);
      expect(found).toEqual(new Set([`${a.phoneNumberId}:${nth(a.contactIds, 0)}`, `${a.phoneNumberId}:${nth(a.contactIds, 1)}`]));
      expect(await pairsWithScheduledSends(m(), a.tenantId, [])).toEqual(new Set());
    });

    it("never sees another tenant's held sends", async () => {
      await scheduleSends(m(), b.tenantId, [send(b, 'cmd-b', 0, at(1_000))]);
      const bPair = { phoneNumberId: b.phoneNumberId, contactId: nth(b.contactIds, 0) };
      expect(await pairsWithScheduledSends(m(), a.tenantId, [bPair])).toEqual(new Set());
      expect(await pairsWithScheduledSends(m(), b.tenantId, [bPair])).toEqual(new Set([`${bPair.phoneNumberId}:${bPair.contactId}`]));
    });
  });

  describe('claimDueSends', () => {
    it('claims only the due sends, as they were held', async () => {
      const due = send(a, 'cmd-due', 0, at(-1_000), { attempt: 3, reasonCode: 'RETRY' });
      await scheduleSends(m(), a.tenantId, [due, send(a, 'cmd-later', 1, at(1_000)), send(a, 'cmd-now', 2, NOW)]);
      const claimed = await claimDueSends(m(), NOW, 10, LEASE_MS);
      expect(claimed).toEqual([
        { id: expect.any(String), tenantId: a.tenantId, ...due },
        expect.objectContaining({ tenantId: a.tenantId, commandId: 'cmd-now', dueAt: NOW }),
      ]);
      expect((await heldOne(a.tenantId, 'cmd-due'))?.claimed_until).toEqual(at(LEASE_MS));
      expect((await heldOne(a.tenantId, 'cmd-later'))?.claimed_until).toBeNull();
    });

    it("claims the due sends of every tenant, each with its tenant's id", async () => {
      await scheduleSends(m(), a.tenantId, [send(a, 'cmd-a', 0, at(-2_000))]);
      await scheduleSends(m(), b.tenantId, [send(b, 'cmd-b', 0, at(-1_000))]);
      const claimed = await claimDueSends(m(), NOW, 10, LEASE_MS);
      expect(claimed.map((s) => [s.tenantId, s.commandId])).toEqual([[a.tenantId, 'cmd-a'], [b.tenantId, 'cmd-b']]);
    });

    it('claims only the first held send of each (number, contact), so that its sends leave in order', async () => {
      // The second send of contact 0 is due earlier than the first, yet it must wait for it.
      await scheduleSends(m(), a.tenantId, [send(a, 'c0-first', 0, at(-1_000)), send(a, 'c0-second', 0, at(-60_000)), send(a, 'c1-only', 1, at(-1_000))]);
      expect(commandIds(await claimDueSends(m(), NOW, 10, LEASE_MS))).toEqual(['c0-first', 'c1-only']);
      // While the first is claimed, the second stays back.
      expect(await claimDueSends(m(), at(1_000), 10, LEASE_MS)).toEqual([]);
      await releaseScheduledSend(m(), a.tenantId, 'c0-first');
      expect(commandIds(await claimDueSends(m(), at(2_000), 10, LEASE_MS))).toEqual(['c0-second']);
    });

    it('claims nothing of a pair whose first send is not due yet', async () => {
      await scheduleSends(m(), a.tenantId, [send(a, 'c0-first', 0, at(60_000)), send(a, 'c0-second', 0, at(-60_000))]);
      expect(await claimDueSends(m(), NOW, 10, LEASE_MS)).toEqual([]);
      expect(commandIds(await claimDueSends(m(), at(60_000), 10, LEASE_MS))).toEqual(['c0-first']);
    });

    it('claims a send again only once its lease has ended', async () => {
      await scheduleSends(m(), a.tenantId, [send(a, 'cmd-1', 0, at(-1_000))]);
      expect(commandIds(await claimDueSends(m(), NOW, 10, LEASE_MS))).toEqual(['cmd-1']);
      expect(await claimDueSends(m(), NOW, 10, LEASE_MS)).toEqual([]);
      expect(await claimDueSends(m(), at(LEASE_MS - 1), 10, LEASE_MS)).toEqual([]);
      expect(commandIds(await claimDueSends(m(), at(LEASE_MS + 1), 10, LEASE_MS))).toEqual(['cmd-1']);
      expect((await heldOne(a.tenantId, 'cmd-1'))?.claimed_until).toEqual(at(2 * LEASE_MS + 1));
    });

    it('claims at most `limit` sends, the earliest due first', async () => {
      await scheduleSends(m(), a.tenantId, [0, 1, 2, 3, 4].map((contact) => send(a, `cmd-${contact}`, contact, at(-1_000 * (contact + 1)))));
      expect(commandIds(await claimDueSends(m(), NOW, 2, LEASE_MS)).sort()).toEqual(['cmd-3', 'cmd-4']);
      expect(commandIds(await claimDueSends(m(), NOW, 2, LEASE_MS)).sort()).toEqual(['cmd-1', 'cmd-2']);
      expect(commandIds(await claimDueSends(m(), NOW, 2, LEASE_MS))).toEqual(['cmd-0']);
    });

    describe('with two claimers in two transactions', () => {
      let runners: QueryRunner[] = [];

      const open = async (): Promise<QueryRunner> => {
        const runner = db.dataSource.createQueryRunner();
        runners.push(runner);
        await runner.connect();
        await runner.startTransaction();
        return runner;
      };

      afterEach(async () => {
        for (const runner of runners) {
          if (runner.isTransactionActive) await runner.rollbackTransaction();
          await runner.release();
        }
        runners = [];
      });

      it('never gives both the same send, even when the second waits on the first', async () => {
        await scheduleSends(m(), a.tenantId, Array.from({ length: 10 }, (_, contact) => send(a, `cmd-${contact}`, contact, at(-1_000 * (10 - contact)))));
        const first = await open();
        const second = await open();
        const firstClaim = await claimDueSends(first.manager, NOW, 5, LEASE_MS);
        const secondClaim = claimDueSends(second.manager, NOW, 10, LEASE_MS);
        await sleep(200);
        await first.commitTransaction();
        const secondClaimed = await secondClaim;
        await second.commitTransaction();
        expect(commandIds(firstClaim)).toEqual(['cmd-0', 'cmd-1', 'cmd-2', 'cmd-3', 'cmd-4']);
        expect(commandIds(secondClaimed).filter((id) => commandIds(firstClaim).includes(id))).toEqual([]);
        expect([...commandIds(firstClaim), ...commandIds(secondClaimed)].sort()).toEqual(Array.from({ length: 10 }, (_, contact) => `cmd-${contact}`).sort());
      });

      it('never gives two racing claimers the same send (each round its own transaction)', async () => {
        const sends = Array.from({ length: 12 }, (_, contact) => send(a, `cmd-${contact}`, contact, at(-contact)));
        await scheduleSends(m(), a.tenantId, sends);
        const claimer = async (): Promise<string[]> => {
          const claimed: string[] = [];
          for (let round = 0; round < 6; round += 1) {
            claimed.push(...commandIds(await db.dataSource.transaction((tx) => claimDueSends(tx, NOW, 3, LEASE_MS))));
          }
          return claimed;
        };
        const [one, two] = await Promise.all([claimer(), claimer()]);
        expect([...one, ...two].sort()).toEqual(sends.map((s) => s.commandId).sort());
      });
    });
  });

  describe('releaseScheduledSend', () => {
    it("deletes the tenant's held send, and not another tenant's of the same command id", async () => {
      await scheduleSends(m(), a.tenantId, [send(a, 'cmd-shared', 0, at(1_000)), send(a, 'cmd-kept', 1, at(1_000))]);
      await scheduleSends(m(), b.tenantId, [send(b, 'cmd-shared', 0, at(1_000))]);
      const bBefore = await held(b.tenantId);
      await releaseScheduledSend(m(), a.tenantId, 'cmd-shared');
      expect((await held(a.tenantId)).map((row) => row.command_id)).toEqual(['cmd-kept']);
      expect(await held(b.tenantId)).toEqual(bBefore);
      await releaseScheduledSend(m(), b.tenantId, 'cmd-kept');
      expect((await held(a.tenantId)).map((row) => row.command_id)).toEqual(['cmd-kept']);
    });
  });

  describe('rescheduleSend', () => {
    it('moves the send, clears its claim and keeps its place in the queue', async () => {
      await scheduleSends(m(), a.tenantId, [send(a, 'c0-first', 0, at(-2_000)), send(a, 'c0-second', 0, at(-1_000))]);
      const before = await heldOne(a.tenantId, 'c0-first');
      expect(commandIds(await claimDueSends(m(), NOW, 10, LEASE_MS))).toEqual(['c0-first']);
      await rescheduleSend(m(), a.tenantId, 'c0-first', { dueAt: at(5_000), attempt: 2, reasonCode: 'RATE_LIMITED' });
      expect(await heldOne(a.tenantId, 'c0-first')).toEqual({ ...before, due_at: at(5_000), attempt: 2, reason_code: 'RATE_LIMITED', claimed_until: null });
      // Still the head of its pair: the second waits, and the first is claimable again before the old lease ends.
      expect(await claimDueSends(m(), at(1_000), 10, LEASE_MS)).toEqual([]);
      expect(commandIds(await claimDueSends(m(), at(5_000), 10, LEASE_MS))).toEqual(['c0-first']);
    });

    it("changes nothing of another tenant's send of the same command id", async () => {
      await scheduleSends(m(), a.tenantId, [send(a, 'cmd-shared', 0, at(1_000))]);
      await scheduleSends(m(), b.tenantId, [send(b, 'cmd-shared', 0, at(1_000))]);
      await claimDueSends(m(), at(1_000), 10, LEASE_MS);
      const bBefore = await held(b.tenantId);
      await rescheduleSend(m(), a.tenantId, 'cmd-shared', { dueAt: at(9_000), attempt: 4, reasonCode: 'X' });
      expect(await held(b.tenantId)).toEqual(bBefore);
      expect(await heldOne(a.tenantId, 'cmd-shared')).toMatchObject({ due_at: at(9_000), attempt: 4, reason_code: 'X', claimed_until: null });
    });
  });
});
