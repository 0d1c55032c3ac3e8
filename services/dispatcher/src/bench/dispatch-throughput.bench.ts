import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TOPIC_SPECS, TOPICS } from '@recado/contracts';
import { startKafkaTestBroker, type KafkaTestBroker } from '@recado/kafka-test-broker';
import * as persistence from '@recado/persistence';
import { createTestDatabase, type TestDatabase } from '@recado/testing';
import type { DataSource } from 'typeorm';
import { BENCH_SECRET_KEY, createBenchProducer, PHONE_NUMBER_ID, seedTenant, templateCommand, type BenchProducer, type Seeded } from './bench-fixtures';
import { firstTimes, latencyFigures, produceAtRate, type LatencyFigures, type RateRun } from './bench-latency';
import { cpuSeconds, DIST_BENCH, DIST_MAIN, forkChild, ipcChannel, loadAverage, peakRssBytes, sampleRss, wallClockMs, type IpcChannel, type IpcChild } from './bench-process';

/*
 * The dispatcher end to end (consume → facts from PostgreSQL → decide → record → POST to the Meta
 * sandbox → message row ACCEPTED) beside a baseline that only consumes and POSTs, in one run.
 * Both run compiled, in their own processes; the dispatcher is dist/main.js itself. A third
 * run, the floor (floor-consumer.ts), adds to the baseline only the writes that exactly-once
 * sending cannot do without, to show how much of the gap is the database's share.
 *
 *   npm run bench -w @recado/dispatcher
 *   BENCH_COMMANDS=20000 BENCH_PROFILE=dispatcher npm run bench -w @recado/dispatcher   (CPU profile in /tmp/dispatcher-bench-prof)
 *   BENCH_VALIDATE=1: the sandbox validates every request against Meta's OpenAPI description (both runs).
 */

const COMMANDS = Number(process.env['BENCH_COMMANDS'] ?? 100_000);
const RATE = 1_000;
const RATE_SECONDS = Number(process.env['BENCH_RATE_SECONDS'] ?? 20);
const RATE_COMMANDS = RATE * RATE_SECONDS;
/** How long the fixed-rate commands may take to reach Meta once all are produced; later ones count as this late. */
const RATE_GRACE_MS = 60_000;
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
const FLOOR_TOPIC = 'bench.floor-send-commands';
const PRODUCE_CHUNK = 5_000;
/** Off only for small runs: 12 uncompressed partitions of the mock hold about 65,000 commands. */
const GZIP = process.env['BENCH_GZIP'] !== '0';
const TAP = join(DIST_BENCH, 'consume-tap.js');
/** As `npm start` runs the dispatcher (package.json). */
const DISPATCHER_NODE_FLAGS = ['--max-old-space-size=160'];

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
  /** From the first command consumed to the last outcome (answer for the baseline, ACCEPTED row for the dispatcher). */
  readonly seconds: number;
  /** From the process's start, including its start-up and the consumer group join. */
  readonly secondsFromSpawn: number;
  /** CPU cores each process used over `seconds` (postgres: the backends of the bench database only). */
  readonly coresUsed: Record<string, number>;
}

interface RateFigures {
  readonly commands: number;
  readonly achievedRate: number;
  /** From the record's fetch (decoded by kafkajs, see consume-tap.ts) to the sandbox receiving the call. */
  readonly consumeToMeta: LatencyFigures;
  /** From the produce call (an upper bound: includes Kafka and the consumer's fetch wait). */
  readonly produceToMeta: LatencyFigures;
}

interface RunFigures {
  readonly throughput: ThroughputFigures;
  readonly atRate: RateFigures;
  /** Peak RSS over the whole process life (VmHWM), the 100k backlog included. */
  readonly peakRssMb: number;
  /** Highest RSS sampled (every 100 ms) during the fixed-rate phase. */
  readonly peakRssAtRateMb: number;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
const toMb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

const profileArgs = (target: string): string[] => {
  if (PROFILE !== target) return [];
  mkdirSync(PROFILE_DIR, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`];
};

async function waitFor<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, intervalMs: number, alive: () => boolean): Promise<T> {
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

const arrivedAt = (sandbox: IpcChannel, run: string): Promise<ArrivalCount> => sandbox.ask<ArrivalCount>('count', { run });
const consumedAt = (consumer: IpcChannel, run: string): Promise<{ count: number; first: number | null; ids: string[]; times: number[] }> => consumer.ask('consumed', { run });

/** CPU seconds of the processes, read now; `postgres` sums the bench database's backends. */
async function cpuSnapshot(infra: Infrastructure, pids: Record<string, number | undefined>): Promise<Record<string, number>> {
  const backends = await infra.dataSource.query<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const snapshot: Record<string, number> = {
    postgres: backends.reduce((sum, { pid }) => sum + cpuSeconds(pid), 0),
    kafka: cpuSeconds(infra.broker.pid),
    sandbox: cpuSeconds(infra.sandbox.child.pid ?? 0),
    bench: cpuSeconds('self'),
  };
  for (const [name, pid] of Object.entries(pids)) snapshot[name] = pid === undefined ? 0 : cpuSeconds(pid);
  return snapshot;
}

const coresOver = (before: Record<string, number>, after: Record<string, number>, seconds: number): Record<string, number> =>
  Object.fromEntries(Object.keys(after).map((name) => [name, round2(((after[name] ?? 0) - (before[name] ?? 0)) / seconds)]));

async function produceBulk(producer: BenchProducer, topic: string, run: string, tenantSlug: string): Promise<void> {
  const at = new Date();
  for (let from = 0; from < COMMANDS; from += PRODUCE_CHUNK) {
    const commands = Array.from({ length: Math.min(PRODUCE_CHUNK, COMMANDS - from) }, (_, offset) => templateCommand(tenantSlug, run, from + offset, from + offset, at));
    await producer.send(topic, commands, { gzip: GZIP });
  }
}

/** Waits until every fixed-rate command reached the sandbox, or the grace time is over; then the latencies. */
async function awaitRateRun(infra: Infrastructure, consumer: IpcChannel, rateRun: RateRun, alive: () => boolean): Promise<RateFigures> {
  const until = Date.now() + RATE_GRACE_MS;
  while (Date.now() < until && alive() && (await arrivedAt(infra.sandbox, rateRun.run)).arrived < rateRun.commands) await sleep(200);
  const waitedUntil = wallClockMs();
  const arrivals = firstTimes(rateRun.run, await infra.sandbox.ask('arrivals', { run: rateRun.run }));
  const consumed = firstTimes(rateRun.run, await consumedAt(consumer, rateRun.run));
  return {
    commands: rateRun.commands,
    achievedRate: rateRun.achievedRate,
    consumeToMeta: latencyFigures(consumed, arrivals, waitedUntil),
    produceToMeta: latencyFigures(rateRun.producedAt, arrivals, waitedUntil),
  };
}

type ConsumerCount = { answered: number; failed: number; lastAt: number; firstError?: string };

/** Waits until a bench consumer (baseline or floor) has answered every command of `run`; its throughput. */
async function consumerThroughput(infra: Infrastructure, consumer: IpcChild, name: string, run: string, spawnedAt: number): Promise<ThroughputFigures> {
  const alive = (): boolean => consumer.child.exitCode === null;
  const before = await cpuSnapshot(infra, { [name]: consumer.child.pid });
  const done = await waitFor(`the ${name} to POST every command`, () => consumer.ask<ConsumerCount>('count', { run }), (count) => count.answered + count.failed >= COMMANDS, 20 * 60_000, 100, alive);
  const after = await cpuSnapshot(infra, { [name]: consumer.child.pid });
  if (done.failed > 0) throw new Error(`the ${name} had ${done.failed} failed POSTs, e.g. ${done.firstError}`);
  const first = (await consumedAt(consumer, run)).first ?? spawnedAt;
  const seconds = (done.lastAt - first) / 1000;
  return { commands: COMMANDS, commandsPerSecond: Math.round(COMMANDS / seconds), seconds: round2(seconds), secondsFromSpawn: round2((done.lastAt - spawnedAt) / 1000), coresUsed: coresOver(before, after, seconds) };
}

const consumerEnv = (infra: Infrastructure, topic: string, group: string): NodeJS.ProcessEnv => ({
  BENCH_BROKERS: infra.broker.bootstrapServers.join(','),
  BENCH_TOPIC: topic,
  BENCH_GROUP: group,
  BENCH_SANDBOX_URL: String(infra.sandbox.ready['url']),
  BENCH_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
  BENCH_SEND_CONCURRENCY: String(SEND_CONCURRENCY),
  BENCH_POOL_SIZE: String(POOL_SIZE),
  BENCH_MAX_BATCH: String(MAX_BATCH),
});

async function measureBaseline(infra: Infrastructure): Promise<RunFigures & { memory: NodeJS.MemoryUsage }> {
  const spawnedAt = wallClockMs();
  const baseline = await forkChild('baseline-consumer.js', { ...consumerEnv(infra, BASELINE_TOPIC, 'bench-baseline'), BENCH_TAP_DETAIL: 'bll' }, [...profileArgs('baseline'), '-r', TAP]);
  try {
    const alive = (): boolean => baseline.child.exitCode === null;
    const throughput = await consumerThroughput(infra, baseline, 'baseline', 'bl', spawnedAt);
    console.error(`baseline: ${JSON.stringify(throughput)}; now ${RATE_COMMANDS} commands at ${RATE}/s`);

    const sampler = sampleRss(baseline.child.pid ?? 0);
    const rateRun = await produceAtRate(infra.producer, { topic: BASELINE_TOPIC, run: 'bll', tenantSlug: infra.seeded.tenantSlug, rate: RATE, seconds: RATE_SECONDS, firstContact: COMMANDS });
    const atRate = await awaitRateRun(infra, baseline, rateRun, alive);
    const rssAtRate = sampler.stop();
    const { peakRssBytes: rss, memory } = await baseline.ask<{ peakRssBytes: number; memory: NodeJS.MemoryUsage }>('rss');
    return { throughput, atRate, peakRssMb: toMb(rss), peakRssAtRateMb: toMb(rssAtRate), memory };
  } finally {
    await baseline.stop();
  }
}

/** The floor (floor-consumer.ts): the baseline plus the least a send path that is exactly once must write. */
async function measureFloor(infra: Infrastructure): Promise<ThroughputFigures> {
  const spawnedAt = wallClockMs();
  const floor = await forkChild('floor-consumer.js', {
    ...consumerEnv(infra, FLOOR_TOPIC, 'bench-floor'),
    DATABASE_URL: infra.database.url,
    BENCH_TENANT_ID: infra.seeded.tenantId,
    BENCH_PHONE_ID: infra.seeded.phoneId,
    BENCH_OUTCOME_TOPIC: TOPICS.sendOutcomes,
  }, [...profileArgs('floor'), '-r', TAP]);
  try {
    const throughput = await consumerThroughput(infra, floor, 'floor', 'fl', spawnedAt);
    console.error(`floor: ${JSON.stringify(throughput)}`);
    return throughput;
  } finally {
    await floor.stop();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Sums of the dispatcher's Prometheus series by name (labels added up). */
async function scrape(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const sums = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const name = line.slice(0, line.search(/[{ ]/));
    sums.set(name, (sums.get(name) ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return sums;
}

/** Batches, commands per batch and mean times between two scrapes. */
function batchFigures(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const delta = (name: string): number => (after.get(name) ?? 0) - (before.get(name) ?? 0);
  const batches = delta('dispatcher_batch_seconds_count');
  return {
    batches,
    commandsPerBatch: round2(delta('dispatcher_decisions_total') / batches),
    meanBatchMs: round2((delta('dispatcher_batch_seconds_sum') * 1000) / batches),
    meanMetaCallMs: round2((delta('dispatcher_meta_request_seconds_sum') * 1000) / delta('dispatcher_meta_request_seconds_count')),
  };
}

async function dispatcherEnv(infra: Infrastructure): Promise<NodeJS.ProcessEnv & { DISPATCHER_PORT: string }> {
  return {
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
    DISPATCHER_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    BENCH_TAP_DETAIL: 'lat',
  };
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

interface DispatcherFigures extends RunFigures {
  readonly decisions: Record<string, number>;
  readonly bulkBatches: Record<string, number>;
  readonly rateBatches: Record<string, number>;
  readonly memoryAtEndMb: Record<string, number>;
}

async function measureDispatcher(infra: Infrastructure): Promise<DispatcherFigures> {
  const env = await dispatcherEnv(infra);
  const port = Number(env.DISPATCHER_PORT);
  const spawnedAt = wallClockMs();
  const dispatcher = ipcChannel(spawn(process.execPath, [...profileArgs('dispatcher'), ...DISPATCHER_NODE_FLAGS, '-r', TAP, DIST_MAIN], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const pid = dispatcher.child.pid ?? 0;
  const killOnExit = (): void => void dispatcher.child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    const alive = (): boolean => dispatcher.child.exitCode === null && dispatcher.child.signalCode === null;
    const explain = async (error: unknown): Promise<never> => {
      throw new Error(`${String(error)}; decisions: ${JSON.stringify(await decisionsSummary(infra))}`);
    };
    let before: Record<string, number> | undefined;
    await waitFor('the dispatcher to call Meta for every command', async () => {
      const count = await arrivedAt(infra.sandbox, 'tp');
      // CPU is counted from the first Meta call: the start-up and the group join are left out.
      if (before === undefined && count.arrived > 0) before = await cpuSnapshot(infra, { dispatcher: pid });
      return count;
    }, (count) => count.arrived >= COMMANDS, 90 * 60_000, 200, alive).catch(explain);
    await waitFor('every message row ACCEPTED', () => acceptedRows(infra), (n) => n >= COMMANDS, 120_000, 50, alive).catch(explain);
    const doneAt = wallClockMs();
    const after = await cpuSnapshot(infra, { dispatcher: pid });
    const bulkMetrics = await scrape(port);
    const first = (await consumedAt(dispatcher, 'tp')).first ?? spawnedAt;
    const seconds = (doneAt - first) / 1000;
    const throughput = { commands: COMMANDS, commandsPerSecond: Math.round(COMMANDS / seconds), seconds: round2(seconds), secondsFromSpawn: round2((doneAt - spawnedAt) / 1000), coresUsed: coresOver(before ?? after, after, seconds) };
    console.error(`dispatcher: ${JSON.stringify(throughput)}; now ${RATE_COMMANDS} commands at ${RATE}/s`);

    const sampler = sampleRss(pid);
    const rateRun = await produceAtRate(infra.producer, { topic: TOPICS.sendCommands, run: 'lat', tenantSlug: infra.seeded.tenantSlug, rate: RATE, seconds: RATE_SECONDS, firstContact: COMMANDS });
    const atRate = await awaitRateRun(infra, dispatcher, rateRun, alive);
    const rssAtRate = sampler.stop();
    const endMetrics = await scrape(port);
    const mb = (name: string): number => toMb(endMetrics.get(name) ?? 0);
    return {
      throughput, atRate,
      peakRssMb: toMb(peakRssBytes(pid)),
      peakRssAtRateMb: toMb(rssAtRate),
      decisions: await decisionsSummary(infra),
      bulkBatches: batchFigures(new Map(), bulkMetrics),
      rateBatches: batchFigures(bulkMetrics, endMetrics),
      memoryAtEndMb: { rss: mb('process_resident_memory_bytes'), heapTotal: mb('nodejs_heap_size_total_bytes'), heapUsed: mb('nodejs_heap_size_used_bytes'), external: mb('nodejs_external_memory_bytes') },
    };
  } finally {
    await dispatcher.stop();
    process.off('exit', killOnExit);
  }
}

interface Verification {
  readonly distinct: number;
  readonly total: number;
  readonly maxPerId: number;
  readonly rejected: number;
  readonly rejectedByCode: Record<string, number>;
}

async function setUp(infra: Partial<Infrastructure>): Promise<Infrastructure> {
  const topics = [...Object.values(TOPIC_SPECS).map(({ name, partitions }) => ({ name, partitions })), { name: BASELINE_TOPIC, partitions: TOPIC_SPECS.sendCommands.partitions }, { name: FLOOR_TOPIC, partitions: TOPIC_SPECS.sendCommands.partitions }];
  const broker = await startKafkaTestBroker({ brokers: 1, topics });
  Object.assign(infra, { broker });
  const database = await createTestDatabase();
  Object.assign(infra, { database });
  const dataSource = await persistence.createDataSource({ kind: 'postgres', url: database.url, poolSize: 4 });
  Object.assign(infra, { dataSource });
  await persistence.runMigrations(dataSource);
  const seeded = await seedTenant(dataSource, COMMANDS + RATE_COMMANDS);
  const sandbox = await forkChild('bench-sandbox.js', { BENCH_VALIDATE: VALIDATE ? '1' : '0' }, profileArgs('sandbox'));
  Object.assign(infra, { seeded, sandbox });
  const producer = await createBenchProducer(broker.bootstrapServers);
  Object.assign(infra, { producer });
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
  const partial: Partial<Infrastructure> = {};
  try {
    const infra = await setUp(partial);
    console.error(`seeded ${COMMANDS + RATE_COMMANDS} contacts; producing ${COMMANDS} commands to ${TOPICS.sendCommands} and to ${BASELINE_TOPIC}`);
    await produceBulk(infra.producer, TOPICS.sendCommands, 'tp', infra.seeded.tenantSlug);
    await produceBulk(infra.producer, BASELINE_TOPIC, 'bl', infra.seeded.tenantSlug);
    await produceBulk(infra.producer, FLOOR_TOPIC, 'fl', infra.seeded.tenantSlug);

    const baseline = await measureBaseline(infra);
    const dispatcher = await measureDispatcher(infra);
    const floor = await measureFloor(infra);
    const verified = {
      tp: await infra.sandbox.ask<Verification>('verify', { run: 'tp' }),
      lat: await infra.sandbox.ask<Verification>('verify', { run: 'lat' }),
    };
    const { peakRssBytes: sandboxRss } = await infra.sandbox.ask<{ peakRssBytes: number }>('rss');

    const cpu = cpus();
    console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; load average ${loadAtStart} at start, ${loadAverage()} at end`);
    console.log(`settings: ${JSON.stringify({
      commands: COMMANDS, contacts: COMMANDS + RATE_COMMANDS, sendConcurrency: SEND_CONCURRENCY, metaPoolSize: POOL_SIZE, maxBatch: MAX_BATCH,
      dispatcherThroughputPerSecond: THROUGHPUT_PER_SECOND, sandboxValidation: VALIDATE, kafka: `mock broker (1), 12 partitions, bulk load ${GZIP ? 'gzip' : 'uncompressed'}`,
      dispatcher: 'dist/main.js (its defaults: consumer settings, DB pool 20)', fixedRate: `${RATE}/s for ${RATE_SECONDS} s`,
    })}`);
    console.log(`baseline:   ${JSON.stringify(baseline)}`);
    console.log(`dispatcher: ${JSON.stringify(dispatcher)}`);
    console.log(`floor:      ${JSON.stringify(floor)}`);
    console.log(`sandbox:    ${JSON.stringify({ verified, peakRssMb: toMb(sandboxRss) })}`);

    const date = new Date().toISOString().slice(0, 10);
    const row = (metric: string, value: number, base: number, lowerBound = false): string => `| dispatcher | ${metric} | ${lowerBound ? '≥ ' : ''}${value} | ${base} | ${lowerBound ? '≥ ' : ''}${(value / base).toFixed(2)} | ${date} |`;
    const late = dispatcher.atRate.consumeToMeta.arrived < dispatcher.atRate.consumeToMeta.commands || dispatcher.atRate.produceToMeta.arrived < RATE_COMMANDS;
    const rate = RATE.toLocaleString('en');
    console.log('| component | metric | value | baseline | ratio | date |');
    console.log(row(`commands/s end to end (${COMMANDS / 1000}k)`, dispatcher.throughput.commandsPerSecond, baseline.throughput.commandsPerSecond));
    console.log(row(`floor commands/s (${COMMANDS / 1000}k): intent, POST, answer, outcome event; no decision`, floor.commandsPerSecond, baseline.throughput.commandsPerSecond));
    console.log(row(`p99 ms consume→Meta call at ${rate}/s`, dispatcher.atRate.consumeToMeta.p99Ms, baseline.atRate.consumeToMeta.p99Ms, late));
    console.log(row(`p99 ms produce→Meta call at ${rate}/s`, dispatcher.atRate.produceToMeta.p99Ms, baseline.atRate.produceToMeta.p99Ms, late));
    console.log(row('peak RSS MB', dispatcher.peakRssMb, baseline.peakRssMb));
    console.log(row(`peak RSS MB at ${rate}/s`, dispatcher.peakRssAtRateMb, baseline.peakRssAtRateMb));

    const targets = {
      'commands/s ≥ 2,000': dispatcher.throughput.commandsPerSecond >= 2_000,
      'ratio ≥ 0.5': dispatcher.throughput.commandsPerSecond / baseline.throughput.commandsPerSecond >= 0.5,
      'p99 consume→Meta < 100 ms at 1,000/s': !late && dispatcher.atRate.consumeToMeta.p99Ms < 100,
      'RSS < 256 MB': dispatcher.peakRssMb < 256,
    };
    console.log(`targets: ${JSON.stringify(targets)}`);

    const problems: string[] = [];
    if (verified.tp.distinct !== COMMANDS || verified.tp.maxPerId !== 1) problems.push(`the sandbox accepted ${verified.tp.distinct} distinct callback ids of the ${COMMANDS} commands, at most ${verified.tp.maxPerId} per id`);
    if (verified.lat.maxPerId > 1) problems.push(`a fixed-rate command reached the sandbox ${verified.lat.maxPerId} times`);
    if (verified.tp.rejected > 0) problems.push(`the sandbox refused ${verified.tp.rejected} calls: ${JSON.stringify(verified.tp.rejectedByCode)}`);
    // A slow dispatcher is a figure, not a failure; a command lost, refused or sent twice is.
    if (late) console.error(`note: only ${dispatcher.atRate.produceToMeta.arrived} of the ${RATE_COMMANDS} fixed-rate commands reached Meta within ${RATE_GRACE_MS / 1000} s after the last was produced: the latencies are lower bounds (≥)`);
    if (problems.length > 0) {
      console.error(problems.join('\n'));
      process.exitCode = 1;
    }
  } finally {
    await tearDown(partial);
  }
}

main().catch((cause: unknown) => {
  console.error(cause);
  process.exitCode = 1;
});
