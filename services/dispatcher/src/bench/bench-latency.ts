import { setTimeout as sleep } from 'node:timers/promises';
import type { SendCommand } from '@recado/contracts';
import { templateCommand, type BenchProducer } from './bench-fixtures';
import { wallClockMs } from './bench-process';

export interface RateRun {
  readonly run: string;
  /** When each command `<run>-<n>` was handed to the producer (ms, wall clock). */
  readonly producedAt: readonly number[];
  /** Commands per second actually produced. */
  readonly achievedRate: number;
}

const TICK_MS = 10;

/**
 * Produces `seconds × rate` template sends at a fixed rate, in ticks of 10 ms (10 commands per
 * tick at 1,000/s), each stamped just before its produce call. A late tick is caught up at once,
 * so the average rate holds.
 */
export async function produceAtRate(producer: BenchProducer, options: { topic: string; run: string; tenantSlug: string; rate: number; seconds: number; firstContact: number }): Promise<RateRun> {
  const perTick = Math.round((options.rate * TICK_MS) / 1000);
  const ticks = Math.round((options.seconds * 1000) / TICK_MS);
  const producedAt: number[] = [];
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
      producedAt[n] = stamp;
    }
    await producer.send(options.topic, commands);
  }
  const seconds = (wallClockMs() - start) / 1000;
  return { run: options.run, producedAt, achievedRate: Math.round(producedAt.length / seconds) };
}

export interface LatencyFigures {
  readonly commands: number;
  readonly achievedRate: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Produce→Meta-call latency per command: the sandbox's arrival time minus the produce stamp. */
export function latencyFigures(rateRun: RateRun, arrivals: { ids: readonly string[]; times: readonly number[] }): LatencyFigures {
  const latencies: number[] = [];
  const prefix = `${rateRun.run}-`;
  arrivals.ids.forEach((id, index) => {
    const producedAt = rateRun.producedAt[Number(id.slice(prefix.length))];
    const arrivedAt = arrivals.times[index];
    if (producedAt !== undefined && arrivedAt !== undefined) latencies.push(arrivedAt - producedAt);
  });
  latencies.sort((a, b) => a - b);
  return {
    commands: latencies.length,
    achievedRate: rateRun.achievedRate,
    p50Ms: round1(percentile(latencies, 50)),
    p90Ms: round1(percentile(latencies, 90)),
    p99Ms: round1(percentile(latencies, 99)),
    maxMs: round1(latencies[latencies.length - 1] ?? Number.NaN),
  };
}
