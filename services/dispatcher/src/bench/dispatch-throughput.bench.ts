import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { TOPIC_SPECS, TOPICS } from '@recado/contracts';
import { startKafkaTestBroker, type KafkaTestBroker } from '@recado/kafka-test-broker';
import * as persistence from '@recado/persistence';
import { createTestDatabase, type TestDatabase } from '@recado/testing';
import type { DataSource } from 'typeorm';
import { BENCH_SECRET_KEY, createBenchProducer, PHONE_NUMBER_ID, seedTenant, templateCommand, type BenchProducer, type Seeded } from './bench-fixtures';
import { latencyFigures, produceAtRate, type LatencyFigures } from './bench-latency';
import { cpuSeconds, DIST_MAIN, forkChild, loadAverage, peakRssBytes, stopChild, wallClockMs, type IpcChild } from './bench-process';

/*
 * Dispatcher end to end (consume → facts from PostgreSQL → decide → record → POST to the Meta
 * sandbox → message row ACCEPTED) beside a baseline that only consumes and POSTs, in one run.
 *
 *   npm run bench -w @recado/dispatcher
 *   BENCH_COMMANDS=20000 BENCH_PROFILE=dispatcher npm run bench -w @recado/dispatcher   (CPU profile in /tmp/dispatcher-bench-prof)
 */

const COMMANDS = Number(process.env['BENCH_COMMANDS'] ?? 100_000);
const RATE = 1_000;
const RATE_SECONDS = Number(process.env['BENCH_RATE_SECONDS'] ?? 20);
const RATE_COMMANDS = RATE * RATE_SECONDS;
/** The dispatcher's defaults, used by the baseline too. */
const SEND_CONCURRENCY = 64;
const POOL_SIZE = 64;
const MAX_BATCH = 500;
/** The highest per-number throughput the dispatcher's configuration accepts (Meta's default is 80/s). */
const THROUGHPUT_PER_SECOND = 10_000;
const VALIDATE = process.env['BENCH_VALIDATE'] === '1';
const PROFILE = process.env['BENCH_PROFILE'];
const PROFILE_DIR = '/tmp/dispatcher-bench-prof';
const BASELINE_TOPIC = 'bench.baseline-send-commands';
const PRODUCE_CHUNK = 5_000;

interface Infrastructure {
  readonly broker: KafkaTestBroker;
  readonly database: TestDatabase;
  readonly dataSource: DataSource;
  readonly seeded: Seeded;
  readonly sandbox: IpcChild;
  readonly producer: BenchProducer;
}

interface ThroughputFigures {
  readonly commands: number;
  readonly commandsPerSecond: number;
  /** From the first Meta call to the last outcome (answer for the baseline, ACCEPTED row for the dispatcher). */
  readonly seconds: number;
  /** From the process's start, including its start-up and the consumer group join. */
  readonly secondsFromSpawn: number;
  /** CPU cores each process used over `seconds` (PostgreSQL: the backends of the bench database). */
  readonly coresUsed: Record<string, number>;
}

interface RunFigures {
  readonly throughput: ThroughputFigures;
  readonly latency: LatencyFigures;
  readonly peakRssMb: number;
}

const profileArgs = (target: string): string[] => {
  if (PROFILE !== target) return [];
  mkdirSync(PROFILE_DIR, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`];
};

async function waitFor<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, intervalMs = 200, alive: () => boolean = () => true): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (!alive()) throw new Error(`gave up waiting for ${what}: the process exited; last ${JSON.stringify(value)}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last ${JSON.stringify(value)}`);
    await sleep(intervalMs);
  }
}

interface ArrivalCount {
  readonly arrived: number;
  readonly first: number | null;
  readonly last: number | null;
}

const arrivedAt = (sandbox: IpcChild, run: string): Promise<ArrivalCount> => sandbox.ask<ArrivalCount>('count', { run });

async function postgresBackendPids(dataSource: DataSource): Promise<number[]> {
  const rows = await dataSource.query<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  return rows.map((row) => row.pid);
}

/** CPU seconds of named processes, read now; `postgres` sums the bench database's backends. */
async function cpuSnapshot(infra: Infrastructure, pids: Record<string, number | undefined>): Promise<Record<string, number>> {
  const backends = await postgresBackendPids(infra.dataSource);
  const snapshot: Record<string, number> = { postgres: backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0), broker: cpuSeconds(infra.broker.pid), sandbox: cpuSeconds(infra.sandbox.child.pid ?? 0), bench: cpuSeconds('self') };
  for (const [name, pid] of Object.entries(pids)) snapshot[name] = pid === undefined ? 0 : cpuSeconds(pid);
  return snapshot;
}

const coresOver = (before: Record<string, number>, after: Record<string, number>, seconds: number): Record<string, number> =>
  Object.fromEntries(Object.keys(after).map((name) => [name, Math.round((((after[name] ?? 0) - (before[name] ?? 0)) / seconds) * 100) / 100]));

const produceBulk = async (producer: BenchProducer, topic: string, run: string, tenantSlug: string): Promise<void> => {
  const at = new Date();
  for (let from = 0; from < COMMANDS; from += PRODUCE_CHUNK) {
    const commands = Array.from({ length: Math.min(PRODUCE_CHUNK, COMMANDS - from) }, (_, offset) => templateCommand(tenantSlug, run, from + offset, from + offset, at));
    await producer.send(topic, commands, { gzip: true });
  }
};

async function measureBaseline(infra: Infrastructure): Promise<RunFigures> {
  const spawnedAt = wallClockMs();
  const baseline = await forkChild('baseline-consumer.js', {
    BENCH_BROKERS: infra.broker.bootstrapServers.join(','),
    BENCH_TOPIC: BASELINE_TOPIC,
    BENCH_GROUP: 'bench-baseline',
    BENCH_SANDBOX_URL: String(infra.sandbox.ready['url']),
    BENCH_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    BENCH_SEND_CONCURRENCY: String(SEND_CONCURRENCY),
    BENCH_POOL_SIZE: String(POOL_SIZE),
    BENCH_MAX_BATCH: String(MAX_BATCH),
  }, profileArgs('baseline'));
  try {
    const alive = (): boolean => baseline.child.exitCode === null;
    const before = await cpuSnapshot(infra, { baseline: baseline.child.pid });
    type Count = { answered: number; failed: number; lastAt: number; firstError?: string };
    const done = await waitFor('the baseline to POST every command', () => baseline.ask<Count>('count', { run: 'bl' }), (count) => count.answered + count.failed >= COMMANDS, 20 * 60_000, 100, alive);
    const after = await cpuSnapshot(infra, { baseline: baseline.child.pid });
    if (done.failed > 0) throw new Error(`the baseline had ${done.failed} failed POSTs, e.g. ${done.firstError}`);
    const first = (await arrivedAt(infra.sandbox, 'bl')).first ?? spawnedAt;
    const seconds = (done.lastAt - first) / 1000;
    const throughput = { commands: COMMANDS, commandsPerSecond: Math.round(COMMANDS / seconds), seconds: round2(seconds), secondsFromSpawn: round2((done.lastAt - spawnedAt) / 1000), coresUsed: coresOver(before, after, seconds) };
    console.error(`baseline: ${JSON.stringify(throughput)}; now ${RATE_COMMANDS} commands at ${RATE}/s`);

    const rateRun = await produceAtRate(infra.producer, { topic: BASELINE_TOPIC, run: 'bll', tenantSlug: infra.seeded.tenantSlug, rate: RATE, seconds: RATE_SECONDS, firstContact: COMMANDS });
    await waitFor('the baseline to POST the fixed-rate commands', () => arrivedAt(infra.sandbox, 'bll'), (count) => count.arrived >= RATE_COMMANDS, 120_000, 200, alive);
    const latency = latencyFigures(rateRun, await infra.sandbox.ask('arrivals', { run: 'bll' }));
    const { peakRssBytes: rss } = await baseline.ask<{ peakRssBytes: number }>('rss');
    return { throughput, latency, peakRssMb: Math.round(rss / 1024 / 1024) };
  } finally {
    await baseline.stop();
  }
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

function spawnDispatcher(infra: Infrastructure): ChildProcess {
  const env = {
    ...process.env,
    NODE_OPTIONS: '',
    DATABASE_URL: infra.database.url,
    KAFKA_BROKERS: infra.broker.bootstrapServers.join(','),
    META_BASE_URL: String(infra.sandbox.ready['url']),
    RECADO_SECRET_KEYS: `k1:${BENCH_SECRET_KEY.toString('base64')}`,
    RECADO_SECRET_KEY_ID: 'k1',
    DISPATCHER_THROUGHPUT_PER_SECOND: String(THROUGHPUT_PER_SECOND),
    DISPATCHER_SEND_CONCURRENCY: String(SEND_CONCURRENCY),
    META_POOL_SIZE: String(POOL_SIZE),
    DISPATCHER_MAX_BATCH: String(MAX_BATCH),
    DISPATCHER_PORT: '0',
    LOG_LEVEL: 'warn',
  };
  return spawn(process.execPath, [...profileArgs('dispatcher'), DIST_MAIN], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

async function acceptedRows(infra: Infrastructure): Promise<number> {
  const [row] = await infra.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND status = 'ACCEPTED'`, [infra.seeded.tenantId]);
  return row?.n ?? 0;
}

async function decisionsSummary(infra: Infrastructure): Promise<Record<string, number>> {
  const rows = await infra.dataSource.query<{ status: string; reason: string | null; n: number }[]>(
    `SELECT status, reason_code AS reason, count(*)::int AS n FROM messages WHERE tenant_id = $1 GROUP BY 1, 2`, [infra.seeded.tenantId]);
  return Object.fromEntries(rows.map((row) => [`${row.status}${row.reason === null ? '' : `:${row.reason}`}`, row.n]));
}

async function measureDispatcher(infra: Infrastructure): Promise<RunFigures & { decisions: Record<string, number> }> {
  const spawnedAt = wallClockMs();
  const dispatcher = spawnDispatcher(infra);
  const pid = dispatcher.pid;
  const stopOnExit = (): void => void dispatcher.kill('SIGKILL');
  process.once('exit', stopOnExit);
  try {
    const alive = (): boolean => dispatcher.exitCode === null && dispatcher.signalCode === null;
    let before: Record<string, number> | undefined;
    const called = await waitFor('the dispatcher to call Meta for every command', async () => {
      const count = await arrivedAt(infra.sandbox, 'tp');
      // CPU is counted from the first Meta call (the processes' start-up is left out).
      if (before === undefined && count.arrived > 0) before = await cpuSnapshot(infra, { dispatcher: pid });
      return count;
    }, (count) => count.arrived >= COMMANDS, 30 * 60_000, 200, alive).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; decisions: ${JSON.stringify(await decisionsSummary(infra))}`);
    });
    await waitFor('every message row ACCEPTED', () => acceptedRows(infra), (n) => n >= COMMANDS, 120_000, 50, alive).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; decisions: ${JSON.stringify(await decisionsSummary(infra))}`);
    });
    const doneAt = wallClockMs();
    const after = await cpuSnapshot(infra, { dispatcher: pid });
    const seconds = (doneAt - (called.first ?? spawnedAt)) / 1000;
    const throughput = { commands: COMMANDS, commandsPerSecond: Math.round(COMMANDS / seconds), seconds: round2(seconds), secondsFromSpawn: round2((doneAt - spawnedAt) / 1000), coresUsed: coresOver(before ?? after, after, seconds) };
    console.error(`dispatcher: ${JSON.stringify(throughput)}; now ${RATE_COMMANDS} commands at ${RATE}/s`);

    const rateRun = await produceAtRate(infra.producer, { topic: TOPICS.sendCommands, run: 'lat', tenantSlug: infra.seeded.tenantSlug, rate: RATE, seconds: RATE_SECONDS, firstContact: COMMANDS });
    await waitFor('the dispatcher to call Meta for the fixed-rate commands', () => arrivedAt(infra.sandbox, 'lat'), (count) => count.arrived >= RATE_COMMANDS, 120_000, 200, alive);
    await waitFor('the fixed-rate rows ACCEPTED', () => acceptedRows(infra), (n) => n >= COMMANDS + RATE_COMMANDS, 60_000, 200, alive);
    const latency = latencyFigures(rateRun, await infra.sandbox.ask('arrivals', { run: 'lat' }));
    const peakRssMb = Math.round(peakRssBytes(pid ?? 0) / 1024 / 1024);
    return { throughput, latency, peakRssMb, decisions: await decisionsSummary(infra) };
  } finally {
    await stopChild(dispatcher);
    process.off('exit', stopOnExit);
  }
}

interface Verification {
  readonly distinct: number;
  readonly total: number;
  readonly maxPerId: number;
  readonly rejected: number;
  readonly rejectedByCode: Record<string, number>;
}

async function setUp(): Promise<Infrastructure> {
  const broker = await startKafkaTestBroker({ brokers: 1, topics: [...Object.values(TOPIC_SPECS).map(({ name, partitions }) => ({ name, partitions })), { name: BASELINE_TOPIC, partitions: TOPIC_SPECS.sendCommands.partitions }] });
  const database = await createTestDatabase();
  const dataSource = await persistence.createDataSource({ kind: 'postgres', url: database.url, poolSize: 4 });
  await persistence.runMigrations(dataSource);
  const seeded = await seedTenant(dataSource, COMMANDS + RATE_COMMANDS);
  const sandbox = await forkChild('bench-sandbox.js', { BENCH_VALIDATE: VALIDATE ? '1' : '0' }, profileArgs('sandbox'));
  const producer = await createBenchProducer(broker.bootstrapServers);
  return { broker, database, dataSource, seeded, sandbox, producer };
}

async function tearDown(infra: Partial<Infrastructure>): Promise<void> {
  await infra.producer?.close().catch(() => undefined);
  await infra.sandbox?.stop();
  await infra.broker?.stop();
  await infra.dataSource?.destroy();
  await infra.database?.drop();
}

async function main(): Promise<void> {
  const loadAtStart = loadAverage();
  const infra: Partial<Infrastructure> = {};
  try {
    Object.assign(infra, await setUp());
    const ready = infra as Infrastructure;
    console.error(`seeded ${COMMANDS + RATE_COMMANDS} contacts; producing ${COMMANDS} commands to ${TOPICS.sendCommands} and to ${BASELINE_TOPIC}`);
    await produceBulk(ready.producer, TOPICS.sendCommands, 'tp', ready.seeded.tenantSlug);
    await produceBulk(ready.producer, BASELINE_TOPIC, 'bl', ready.seeded.tenantSlug);

    const baseline = await measureBaseline(ready);
    const dispatcher = await measureDispatcher(ready);
    const verified = {
      tp: await ready.sandbox.ask<Verification>('verify', { run: 'tp' }),
      lat: await ready.sandbox.ask<Verification>('verify', { run: 'lat' }),
    };
    const { peakRssBytes: sandboxRss } = await ready.sandbox.ask<{ peakRssBytes: number }>('rss');

    const cpu = cpus();
    console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; load average ${loadAtStart} at start, ${loadAverage()} at end`);
    console.log(`settings: ${JSON.stringify({ commands: COMMANDS, contacts: COMMANDS + RATE_COMMANDS, sendConcurrency: SEND_CONCURRENCY, metaPoolSize: POOL_SIZE, maxBatch: MAX_BATCH, dispatcherThroughputPerSecond: THROUGHPUT_PER_SECOND, sandboxValidation: VALIDATE, kafka: 'mock broker (1), 12 partitions, bulk load gzip', dispatcher: 'compiled (dist/main.js)' })}`);
    console.log(`baseline:   ${JSON.stringify(baseline)}`);
    console.log(`dispatcher: ${JSON.stringify(dispatcher)}`);
    console.log(`sandbox:    ${JSON.stringify({ verified, peakRssMb: Math.round(sandboxRss / 1024 / 1024) })}`);

    const date = new Date().toISOString().slice(0, 10);
    const row = (metric: string, value: number, base: number): string => `| dispatcher | ${metric} | ${value} | ${base} | ${(value / base).toFixed(2)} | ${date} |`;
    console.log('| component | metric | value | baseline | ratio | date |');
    console.log(row(`commands/s end to end (${COMMANDS / 1000}k)`, dispatcher.throughput.commandsPerSecond, baseline.throughput.commandsPerSecond));
    console.log(row(`p99 ms produce→Meta call at ${RATE.toLocaleString('en')}/s`, dispatcher.latency.p99Ms, baseline.latency.p99Ms));
    console.log(row('peak RSS MB', dispatcher.peakRssMb, baseline.peakRssMb));

    const ratio = dispatcher.throughput.commandsPerSecond / baseline.throughput.commandsPerSecond;
    const targets = {
      'commands/s ≥ 2,000': dispatcher.throughput.commandsPerSecond >= 2_000,
      'ratio ≥ 0.5': ratio >= 0.5,
      'p99 < 100 ms at 1,000/s': dispatcher.latency.p99Ms < 100,
      'RSS < 256 MB': dispatcher.peakRssMb < 256,
    };
    console.log(`targets: ${JSON.stringify(targets)}`);

    const problems: string[] = [];
    for (const [run, expected] of [['tp', COMMANDS], ['lat', RATE_COMMANDS]] as const) {
      const check = verified[run];
      if (check.distinct !== expected || check.maxPerId !== 1) problems.push(`${run}: the sandbox accepted ${check.distinct} distinct callback ids (expected ${expected}), at most ${check.maxPerId} per id`);
    }
    if ((dispatcher.decisions['ACCEPTED'] ?? 0) !== COMMANDS + RATE_COMMANDS) problems.push(`message rows: ${JSON.stringify(dispatcher.decisions)}`);
    if (problems.length > 0) {
      console.error(problems.join('\n'));
      process.exitCode = 1;
    }
  } finally {
    await tearDown(infra);
  }
}

main().catch((cause: unknown) => {
  console.error(cause);
  process.exitCode = 1;
});
