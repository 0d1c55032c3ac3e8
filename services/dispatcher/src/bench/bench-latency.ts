import { setTimeout as sleep } from 'node:timers/promises';
import type { SendCommand } from '@recado/contracts';
import { templateCommand, type BenchProducer } from './bench-fixtures';
import { wallClockMs } from './bench-process';

export interface RateRun {
  readonly run: string;
  readonly commands: number;
  /** When each command `<run>-<n>` was handed to the producer (ms, wall clock), by n. */
  readonly producedAt: ReadonlyMap<number, number>;
  /** Commands per second actually produced. */
  readonly achievedRate: number;
}

/**
 * The mock broker answers a fetch with at most one produced batch (message set) per partition
 * ("FIXME: Multiple messageSets?" in librdkafka 2.0.2's mock), so a consumer reads no faster than
 * one produce call per partition per fetch. With ticks of 50 ms (about 4 commands per partition
 * per produce call at 1,000/s) a consumer keeps up with 20 fetches a second; with 10 ms ticks
 * even the baseline falls seconds behind. Real Kafka returns everything up to the fetch's size.
 */
const TICK_MS = 50;

/**
 * Produces `seconds × rate` template sends at a fixed rate, in ticks of 50 ms (50 commands per
 * tick at 1,000/s, one produce call), each stamped just before its produce call. A late tick is
 * caught up at once, so the average rate holds.
 */
export async function produceAtRate(producer: BenchProducer, options: { topic: string; run: string; tenantSlug: string; rate: number; seconds: number; firstContact: number }): Promise<RateRun> {
  const perTick = Math.round((options.rate * TICK_MS) / 1000);
  const ticks = Math.round((options.seconds * 1000) / TICK_MS);
  const producedAt = new Map<number, number>();
  const start = wallClockMs();
  for (let tick = 0; tick < ticks; tick += 1) {
    const due = start + tick * TICK_MS;
    const wait = due - wallClockMs();
    if (wait > 0) await sleep(wait);
    const stamp = wallClockMs();
    const commands: SendCommand[] = [];
    for (let i = 0; i < perTick; i += 1) {
      const n = tick * perTick + i;
      commands.push(templateCommand(options.tenantSlug, options.run, n, options.firstContact + n, new Date(stamp)));
      producedAt.set(n, stamp);
    }
    await producer.send(options.topic, commands);
  }
  const seconds = (wallClockMs() - start) / 1000;
  return { run: options.run, commands: producedAt.size, producedAt, achievedRate: Math.round(producedAt.size / seconds) };
}

/** `{ ids: ['<run>-<n>', …], times }` → n → the first time noted. */
export function firstTimes(run: string, noted: { readonly ids: readonly string[]; readonly times: readonly number[] }): Map<number, number> {
  const prefix = `${run}-`;
  const first = new Map<number, number>();
  noted.ids.forEach((id, index) => {
    const n = Number(id.slice(prefix.length));
    const at = noted.times[index];
    if (at !== undefined && !first.has(n)) first.set(n, at);
  });
  return first;
}

export interface LatencyFigures {
  /** Commands measured (those with a start time). */
  readonly commands: number;
  /** Of those, how many reached the sandbox before the wait ended; the others count with the wait as their latency (a lower bound). */
  readonly arrived: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Latency from each command's start (produced, or consumed) to its arrival at the sandbox. */
export function latencyFigures(starts: ReadonlyMap<number, number>, arrivals: ReadonlyMap<number, number>, waitedUntil: number): LatencyFigures {
  const latencies = [...starts].map(([n, start]) => (arrivals.get(n) ?? waitedUntil) - start);
  latencies.sort((a, b) => a - b);
  return {
    commands: latencies.length,
    arrived: [...starts.keys()].filter((n) => arrivals.has(n)).length,
    p50Ms: round1(percentile(latencies, 50)),
    p90Ms: round1(percentile(latencies, 90)),
    p99Ms: round1(percentile(latencies, 99)),
    maxMs: round1(latencies[latencies.length - 1] ?? Number.NaN),
  };
}
