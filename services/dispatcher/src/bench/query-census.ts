import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKafkaBus } from '@recado/bus';
import { TOPIC_SPECS, TOPICS } from '@recado/contracts';
import { SAMPLE_ORDER_UPDATE } from '@recado/domain';
import { startKafkaTestBroker } from '@recado/kafka-test-broker';
import { startMetaSandbox } from '@recado/meta-sandbox';
import * as persistence from '@recado/persistence';
import { createLogger, createMetricsRegistry } from '@recado/service-kit';
import { createTestDatabase } from '@recado/testing';
import { Client } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { loadDispatcherConfig } from '../config';
import { createDispatcher } from '../dispatcher';
import { BENCH_SECRET_KEY, createBenchProducer, seedTenant, templateCommand } from './bench-fixtures';

/*
 * Which SQL statements the send path runs per command, and how long each waits (pool + round
 * trip + execution), with the dispatcher in this process and the bench's settings.
 *
 *   node -r @swc-node/register src/bench/query-census.ts [commands]
 */

interface StatementFigures {
  calls: number;
  /** From TypeORM's query call: waiting for a pooled connection, round trip, execution. */
  totalMs: number;
  /** From pg's Client#query: round trip and execution only. */
  clientMs: number;
}

const statements = new Map<string, StatementFigures>();
const shape = (sql: string): string => sql.replace(/\s+/g, ' ').trim().slice(0, 100);
const figuresOf = (sql: string): StatementFigures => {
  let figures = statements.get(shape(sql));
  if (figures === undefined) {
    figures = { calls: 0, totalMs: 0, clientMs: 0 };
    statements.set(shape(sql), figures);
  }
  return figures;
};
const since = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e6;

// Every query of TypeORM (raw, repositories, transactions' BEGIN/COMMIT) goes through this method.
const original = PostgresQueryRunner.prototype.query;
PostgresQueryRunner.prototype.query = async function timedQuery(this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
  const started = process.hrtime.bigint();
  try {
    return await original.apply(this, args);
  } finally {
    const figures = figuresOf(args[0]);
    figures.calls += 1;
    figures.totalMs += since(started);
  }
} as typeof original;

// TypeORM calls pg's promise form, `client.query(text, values)`.
type ClientQuery = (this: unknown, text: unknown, ...rest: unknown[]) => unknown;
const clientPrototype = Client.prototype as unknown as { query: ClientQuery };
const clientQuery = clientPrototype.query;
clientPrototype.query = function timedClientQuery(this: unknown, text: unknown, ...rest: unknown[]) {
  const result = clientQuery.call(this, text, ...rest);
  if (typeof text !== 'string' || !(result instanceof Promise)) return result;
  const started = process.hrtime.bigint();
  const record = (): void => void (figuresOf(text).clientMs += since(started));
  result.then(record, record);
  return result;
};

async function main(): Promise<void> {
  const commands = Number(process.argv[2] ?? 5_000);
  const broker = await startKafkaTestBroker({ brokers: 1, topics: Object.values(TOPIC_SPECS).map(({ name, partitions }) => ({ name, partitions })) });
  const database = await createTestDatabase();
  const sandbox = await startMetaSandbox({ port: 0, throughputPerSecond: Number.POSITIVE_INFINITY, pairRatePerSecond: Number.POSITIVE_INFINITY, pairBurst: Number.POSITIVE_INFINITY, autoRegisterUsers: true, validateRequests: false });
  sandbox.control.addTemplate({ name: SAMPLE_ORDER_UPDATE.name, language: SAMPLE_ORDER_UPDATE.language, category: SAMPLE_ORDER_UPDATE.category, components: SAMPLE_ORDER_UPDATE.components as never });
  const config = loadDispatcherConfig({
    DATABASE_URL: database.url, KAFKA_BROKERS: broker.bootstrapServers.join(','), META_BASE_URL: sandbox.url,
    RECADO_SECRET_KEYS: `k1:${BENCH_SECRET_KEY.toString('base64')}`, RECADO_SECRET_KEY_ID: 'k1',
    DISPATCHER_THROUGHPUT_PER_SECOND: '10000', DISPATCHER_SEND_CONCURRENCY: '64', META_POOL_SIZE: '64', DISPATCHER_MAX_BATCH: '500', LOG_LEVEL: 'warn',
  });
  // The pool size main.ts uses (createDataSource's default).
  const dataSource = await persistence.createDataSource({ kind: 'postgres', url: database.url });
  const bus = createKafkaBus({ brokers: broker.bootstrapServers, clientId: 'census', logLevel: 'error' });
  try {
    await persistence.runMigrations(dataSource);
    const seeded = await seedTenant(dataSource, commands);
    const producer = await createBenchProducer(broker.bootstrapServers);
    for (let from = 0; from < commands; from += 5_000) {
      await producer.send(TOPICS.sendCommands, Array.from({ length: Math.min(5_000, commands - from) }, (_, i) => templateCommand(seeded.tenantSlug, `c${randomUUID().slice(0, 4)}`, from + i, from + i, new Date())), { gzip: true });
    }
    await producer.close();
    await dataSource.query('SELECT pg_stat_reset()');
    statements.clear();
    const dispatcher = createDispatcher({ dataSource, bus, settings: config.settings, logger: createLogger({ service: 'dispatcher', level: 'warn' }), registry: createMetricsRegistry('dispatcher') });
    const started = Date.now();
    await dispatcher.start();
    for (;;) {
      const [row] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM messages WHERE status = 'ACCEPTED'`);
      if ((row?.n ?? 0) >= commands) break;
      await sleep(500);
    }
    const seconds = (Date.now() - started) / 1000;
    await dispatcher.stop();
    let calls = 0;
    let totalMs = 0;
    console.log(`${commands} commands in ${seconds.toFixed(1)} s (${Math.round(commands / seconds)}/s, including the group join)`);
    console.log('calls/command | mean ms (with pool wait) | mean ms (round trip) | round-trip total s | statement');
    for (const [sql, figures] of [...statements].sort((a, b) => b[1].clientMs - a[1].clientMs)) {
      calls += figures.calls;
      totalMs += figures.totalMs;
      if (figures.clientMs < 100) continue;
      console.log(`${(figures.calls / commands).toFixed(3).padStart(8)} | ${(figures.totalMs / figures.calls).toFixed(2).padStart(8)} | ${(figures.clientMs / figures.calls).toFixed(2).padStart(8)} | ${(figures.clientMs / 1000).toFixed(1).padStart(7)} | ${sql}`);
    }
    console.log(`all: ${(calls / commands).toFixed(1)} statements per command, ${(totalMs / 1000).toFixed(1)} s of statement time (${(totalMs / seconds / 1000).toFixed(1)} statements in flight on average)`);
    const scans = await dataSource.query<{ relname: string; seq_scan: number; seq_tup_read: number; idx_scan: number; n_live_tup: number }[]>(
      `SELECT relname, seq_scan::int, seq_tup_read::bigint::float8 AS seq_tup_read, idx_scan::int, n_live_tup::int FROM pg_stat_user_tables ORDER BY seq_tup_read DESC LIMIT 8`);
    console.log('sequential scans (table | scans | rows read | index scans | live rows):');
    for (const scan of scans) console.log(`  ${scan.relname} | ${scan.seq_scan} | ${scan.seq_tup_read} | ${scan.idx_scan} | ${scan.n_live_tup}`);
  } finally {
    await bus.close();
    await sandbox.stop();
    await broker.stop();
    await dataSource.destroy();
    await database.drop();
  }
}

main().catch((cause: unknown) => {
  console.error(cause);
  process.exitCode = 1;
});
