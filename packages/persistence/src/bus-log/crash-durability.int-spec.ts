import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createEmbeddedBus, type EmbeddedLog, type ReceivedMessage } from '@recado/bus';
import { createTestDatabase, type TestDatabase } from '@recado/testing';
import { createDataSource, type DataSourceConfig } from '../data-source/data-source.factory';
import { runMigrations } from '../data-source/migrations';
import type { CrashChildReport } from '../test/bus-crash.child';
import { createPostgresEmbeddedLog } from './postgres-embedded-log';

const CHILD = resolve(__dirname, '../test/bus-crash.child.ts');
const PARTITIONS = 4;

interface Crashed {
  readonly acked: ReadonlySet<string>;
  /** Per partition, the offsets the child's handler finished (a commit can only follow those). */
  readonly handled: ReadonlyMap<number, readonly number[]>;
}

/** Runs the publishing, consuming child until it has done enough, then kills it with SIGKILL mid-flight. */
async function runAndKill(config: DataSourceConfig, topic: string, group: string): Promise<Crashed> {
  const acked = new Set<string>();
  const handled = new Map<number, number[]>();
  const child = fork(CHILD, [JSON.stringify(config), topic, group], {
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, SWC_NODE_PROJECT: resolve(__dirname, '../../tsconfig.json') },
  });
  const exited = once(child, 'exit');
  child.on('message', (report: CrashChildReport) => {
    if ('acked' in report) for (const item of report.acked) acked.add(item);
    else handled.set(report.handled.partition, [...(handled.get(report.handled.partition) ?? []), ...report.handled.offsets]);
  });
  const handledCount = (): number => [...handled.values()].reduce((sum, offsets) => sum + offsets.length, 0);
  const until = Date.now() + 30_000;
  try {
    while (acked.size < 400 || handledCount() < 60) {
      if (child.exitCode !== null) throw new Error(`the child exited early with ${child.exitCode}`);
      if (Date.now() > until) throw new Error(`the child did too little: ${acked.size} acked, ${handledCount()} handled`);
      await sleep(10);
    }
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  return { acked, handled };
}

async function readAll(log: EmbeddedLog, topic: string, partition: number): Promise<ReceivedMessage[]> {
  return [...(await log.read(topic, partition, 0, 1_000_000))];
}

const itemOf = (message: ReceivedMessage): string => {
  const { key, seq } = JSON.parse(message.value.toString()) as { key: string; seq: number };
  return `${key}#${seq}`;
};

describe.each(['postgres', 'pglite'] as const)('the embedded bus on %s after a crash', (kind) => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  let config: DataSourceConfig;

  beforeAll(async () => {
    if (kind === 'postgres') {
      database = await createTestDatabase();
      config = { kind, url: database.url, poolSize: 4 };
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'recado-bus-crash-'));
      config = { kind, dataDir };
    }
    const migrated = await createDataSource(config);
    await runMigrations(migrated);
    await migrated.destroy();
  });

  afterAll(async () => {
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('loses nothing publish acknowledged, and the group resumes at its committed offsets', async () => {
    const [topic, group] = ['crash.test.v1', 'crash-group'];
    const crashed = await runAndKill(config, topic, group);

    const dataSource = await createDataSource(config);
    try {
      expect(await runMigrations(dataSource)).toEqual([]);
      const log = createPostgresEmbeddedLog(dataSource);
      const committed: number[] = [];
      const stored = new Set<string>();
      for (let partition = 0; partition < PARTITIONS; partition += 1) {
        const records = await readAll(log, topic, partition);
        expect(records.map((record) => Number(record.offset))).toEqual(records.map((_, index) => index));
        expect(await log.endOffset(topic, partition)).toBe(records.length);
        for (const record of records) stored.add(itemOf(record));
        const position = (await log.committedOffset(group, topic, partition)) ?? 0;
        expect(position).toBeLessThanOrEqual(Math.max(-1, ...(crashed.handled.get(partition) ?? [])) + 1);
        committed.push(position);
      }
      expect([...crashed.acked].filter((item) => !stored.has(item))).toEqual([]);
      expect(committed.reduce((sum, position) => sum + position, 0)).toBeGreaterThan(0);

      const ends = await Promise.all(committed.map((_, partition) => log.endOffset(topic, partition)));
      const received = new Map<number, number[]>();
      const bus = createEmbeddedBus({ log });
      const member = await bus.subscribe({
        group,
        topics: [topic],
        handler: (batch) => {
          received.set(batch.partition, [...(received.get(batch.partition) ?? []), ...batch.messages.map((message) => Number(message.offset))]);
          return Promise.resolve();
        },
      });
      const expectedCount = ends.reduce((sum, end, partition) => sum + end - (committed[partition] ?? 0), 0);
      expect(expectedCount).toBeGreaterThan(0); // the child died with work left for the group
      const until = Date.now() + 20_000;
      while ([...received.values()].reduce((sum, offsets) => sum + offsets.length, 0) < expectedCount && Date.now() < until) await sleep(10);
      await sleep(200);
      await member.stop();
      await bus.close();
      for (let partition = 0; partition < PARTITIONS; partition += 1) {
        const from = committed[partition] ?? 0;
        const end = ends[partition] ?? 0;
        expect(received.get(partition) ?? []).toEqual(Array.from({ length: end - from }, (_, index) => from + index));
      }
    } finally {
      await dataSource.destroy();
    }
  });
});
