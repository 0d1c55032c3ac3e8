import { takeTokens, type TokenBucketState } from '@recado/domain';

/** Per business number messages per second [M28]; one-second burst. */
export class ThroughputLimiter {
  private readonly buckets = new Map<string, TokenBucketState>();

  constructor(private readonly perSecond: number) {}

  take(phoneNumberId: string, now: Date): boolean {
    if (!Number.isFinite(this.perSecond)) return true;
    const config = { ratePerSecond: this.perSecond, burst: this.perSecond };
    const state = this.buckets.get(phoneNumberId) ?? { tokens: this.perSecond, updatedAt: now };
    const result = takeTokens(state, config, now);
    this.buckets.set(phoneNumberId, result.state);
    return result.allowed;
  }
}
