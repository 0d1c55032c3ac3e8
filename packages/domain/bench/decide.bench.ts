import type { Decision } from '../src';
import { decide } from '../src';
import type { BenchInput } from './bench-inputs';
import { benchInputs } from './bench-inputs';

const INPUTS = 5_000;
const MIN_MS = 2_000;

interface Rates {
  readonly subject: number;
  readonly baseline: number;
}

function timeOnce(inputs: readonly BenchInput[], body: (input: BenchInput) => unknown): number {
  const started = process.hrtime.bigint();
  for (const input of inputs) body(input);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Alternates rounds of the subject and the baseline over the same inputs, so a busy
 * machine slows both alike; returns operations per second of each.
 */
function measure(inputs: readonly BenchInput[], subject: (input: BenchInput) => unknown, baseline: (input: BenchInput) => unknown): Rates {
  for (let warm = 0; warm < 3; warm += 1) {
    timeOnce(inputs, subject);
    timeOnce(inputs, baseline);
  }
  let subjectMs = 0;
  let baselineMs = 0;
  let rounds = 0;
  while (subjectMs < MIN_MS) {
    subjectMs += timeOnce(inputs, subject);
    baselineMs += timeOnce(inputs, baseline);
    rounds += 1;
  }
  const operations = rounds * inputs.length;
  return { subject: (operations / subjectMs) * 1_000, baseline: (operations / baselineMs) * 1_000 };
}

function outcomeMix(inputs: readonly BenchInput[]): string {
  const counts = new Map<string, number>();
  for (const { command, facts, now } of inputs) {
    const decision: Decision = decide(command, facts, now);
    const key = decision.outcome === 'ALLOW' ? 'ALLOW' : decision.outcome === 'DEFER' ? `DEFER ${decision.reason}` : `REJECT ${decision.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${key}: ${n}`).join(', ');
}

const inputs = benchInputs(INPUTS);
// Baseline in the same run: serialising the command, a trivial per-command cost.
const rates = measure(
  inputs,
  ({ command, facts, now }) => decide(command, facts, now),
  ({ command }) => JSON.stringify(command),
);
const decisionsPerSecond = rates.subject;
const baselinePerSecond = rates.baseline;
const round = (n: number): string => Math.round(n).toLocaleString('en-US');
// eslint-disable-next-line no-restricted-syntax -- the report's date column; the bench is not domain code.
const today = new Date().toISOString().slice(0, 10);

console.log(`inputs: ${INPUTS} varied commands; outcomes: ${outcomeMix(inputs)}`);
console.log('baseline: JSON.stringify(command) per second over the same inputs, measured in alternating rounds');
console.log('| component | metric | value | baseline | ratio | date |');
console.log('|---|---|---|---|---|---|');
console.log(
  `| domain | decisions/s | ${round(decisionsPerSecond)} | ${round(baselinePerSecond)} | ${(decisionsPerSecond / baselinePerSecond).toFixed(3)} | ${today} |`,
);
