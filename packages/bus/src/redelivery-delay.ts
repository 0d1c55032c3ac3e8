import type { RedeliveryBackoff } from './bus';

export const DEFAULT_REDELIVERY_BACKOFF: RedeliveryBackoff = { initialMs: 100, maxMs: 5_000 };

/**
 * Wait before redelivery number `failures` (1 after the first failure): doubling from `initialMs`,
 * capped at `maxMs`, minus up to 20 % jitter so that many failing members do not retry in step.
 */
export function redeliveryDelay(backoff: RedeliveryBackoff, failures: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** exponent);
  return Math.round(base * (1 - 0.2 * random()));
}
