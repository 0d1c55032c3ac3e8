import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { TOPIC_SPECS } from '@recado/contracts';
import { startKafkaTestBroker } from '@recado/kafka-test-broker';
import { signedBodies, type SignedBody } from './bench-body';

const BODIES = signedBodies(5_000);

interface Figures {
  readonly calls: number;
  readonly callsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

function load(url: string, options: { connections: number; seconds: number; rate?: number }): Promise<Figures> {
  let next = 0;
  const pick = (): SignedBody => BODIES[next++ % BODIES.length] as SignedBody;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/webhook`,
        connections: options.connections,
        duration: options.seconds,
        ...(options.rate === undefined ? {} : { overallRate: options.rate }),
        requests: [{
          method: 'POST',
          setupRequest: (request) => {
            const { body, signature } = pick();
            return { ...request, body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } };
          },
        }],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({ calls: result.requests.total, callsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors });
      },
    );
  });
}

type Target = 'baseline' | 'floor' | 'ingest';

async function withTarget<T>(target: Target, env: NodeJS.ProcessEnv, run: (url: string, child: ChildProcess) => Promise<T>): Promise<T> {
  // Compiled, as in production: a TypeScript loader would add its own memory to the figures.
  const child = fork(join(__dirname, '../../dist/bench/bench-target.js'), [target], { execArgv: process.env['BENCH_PROFILE'] === target ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [], env: { ...process.env, ...env } });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (message) => resolve((message as { url: string }).url));
      child.once('exit', (code) => reject(new Error(`${target} exited with ${code}`)));
    });
    return await run(url, child);
  } finally {
    child.kill();
  }
}

const ask = <T>(child: ChildProcess, question: 'rss' | 'cpu'): Promise<T> =>
  new Promise((resolve) => {
    child.once('message', (message) => resolve(message as T));
    child.send(question);
  });

const peakRss = async (child: ChildProcess): Promise<number> => (await ask<{ peakRssBytes: number }>(child, 'rss')).peakRssBytes;
// CPU time of the target process: unlike calls/s, hardly moved by other work on the machine.
const cpuMicros = async (child: ChildProcess): Promise<number> => (await ask<{ cpuMicros: number }>(child, 'cpu')).cpuMicros;

async function measure(target: Target, env: NodeJS.ProcessEnv): Promise<{ max: Figures; atRate: Figures; cpuMicrosPerCall: number; rssMb: number }> {
  return withTarget(target, env, async (url, child) => {
    await load(url, { connections: 32, seconds: 3 });
    const cpuBefore = await cpuMicros(child);
    const max = await load(url, { connections: 64, seconds: 10 });
    const cpuMicrosPerCall = Math.round(((await cpuMicros(child)) - cpuBefore) / max.calls);
    const atRate = await load(url, { connections: 64, seconds: 10, rate: 2_000 });
    return { max, atRate, cpuMicrosPerCall, rssMb: Math.round((await peakRss(child)) / 1024 / 1024) };
  });
}

async function main(): Promise<void> {
  const broker = await startKafkaTestBroker({ brokers: 3, topics: Object.values(TOPIC_SPECS).map(({ name, partitions }) => ({ name, partitions })) });
  try {
    const baseline = await measure('baseline', {});
    const brokers = { BENCH_BROKERS: broker.bootstrapServers.join(',') };
    const ingest = await measure('ingest', brokers);
    const floor = await measure('floor', brokers);
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
    console.log(`baseline: ${JSON.stringify(baseline)}`);
    console.log(`ingest:   ${JSON.stringify(ingest)}`);
    console.log(`floor:    ${JSON.stringify(floor)}`);
    const date = new Date().toISOString().slice(0, 10);
    const row = (metric: string, value: number, base: number) => `| webhook-ingest | ${metric} | ${value} | ${base} | ${(value / base).toFixed(2)} | ${date} |`;
    console.log('| component | metric | value | baseline | ratio | date |');
    console.log(row('signed calls/s acknowledged by Kafka', ingest.max.callsPerSecond, baseline.max.callsPerSecond));
    console.log(row('floor: raw body to Kafka only, signed calls/s', floor.max.callsPerSecond, baseline.max.callsPerSecond));
    console.log(row('floor: CPU µs per call at max rate (its process)', floor.cpuMicrosPerCall, baseline.cpuMicrosPerCall));
    console.log(row('p50 ms at max rate', ingest.max.p50Ms, baseline.max.p50Ms));
    console.log(row('CPU µs per call at max rate (its process)', ingest.cpuMicrosPerCall, baseline.cpuMicrosPerCall));
    console.log(row('p99 ms at 2,000 calls/s', ingest.atRate.p99Ms, baseline.atRate.p99Ms));
    console.log(row('peak RSS MB', ingest.rssMb, baseline.rssMb));
    const failures = [ingest, floor].reduce((sum, { max, atRate }) => sum + max.non2xx + max.errors + atRate.non2xx + atRate.errors, 0);
    if (failures > 0) {
      console.error(`${failures} calls failed`);
      process.exitCode = 1;
    }
  } finally {
    await broker.stop();
  }
}

main().catch((cause: unknown) => {
  console.error(cause);
  process.exitCode = 1;
});
