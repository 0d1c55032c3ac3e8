/** Per-number throughput: 80 mps by default, 1,000 when upgraded, 20 for Coexistence [M28]. */
export const THROUGHPUT_MPS = { STANDARD: 80, HIGH: 1_000, COEXISTENCE: 20 } as const;

export interface TokenBucketConfig {
  /** Tokens added per second. */
  readonly ratePerSecond: number;
  /** Bucket size: the largest burst. */
  readonly burst: number;
}

export interface TokenBucketState {
  readonly tokens: number;
  readonly updatedAt: Date;
}

export type TokenBucketResult =
  | { readonly allowed: true; readonly state: TokenBucketState }
  | { readonly allowed: false; readonly waitMs: number; readonly state: TokenBucketState };

/** A full bucket at `at`. */
export function fullBucket(config: TokenBucketConfig, at: Date): TokenBucketState {
  return { tokens: config.burst, updatedAt: at };
}

/** Tokens available at `now` (time never runs backwards here). */
export function refillBucket(state: TokenBucketState, config: TokenBucketConfig, now: Date): TokenBucketState {
  const elapsedMs = now.getTime() - state.updatedAt.getTime();
  if (elapsedMs <= 0) return state;
  const tokens = Math.min(config.burst, state.tokens + (elapsedMs * config.ratePerSecond) / 1_000);
  return { tokens, updatedAt: now };
}

/** Takes `cost` tokens if available; otherwise says how long to wait for them. */
export function takeTokens(
  state: TokenBucketState,
  config: TokenBucketConfig,
  now: Date,
  cost = 1,
): TokenBucketResult {
  const current = refillBucket(state, config, now);
  if (current.tokens >= cost) return { allowed: true, state: { ...current, tokens: current.tokens - cost } };
  if (cost > config.burst || config.ratePerSecond <= 0) {
    return { allowed: false, waitMs: Number.POSITIVE_INFINITY, state: current };
  }
  const waitMs = Math.ceil(((cost - current.tokens) * 1_000) / config.ratePerSecond);
  return { allowed: false, waitMs, state: current };
}
