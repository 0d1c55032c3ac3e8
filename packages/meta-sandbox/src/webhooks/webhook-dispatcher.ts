import type { WebhookOptions } from '../sandbox-options';
import type { Random } from '../random';
import type { SandboxCounters } from '../state/sandbox-counters';
import { signWebhook } from './webhook-signer';

/** Posts signed webhooks after a delay, retrying with backoff until the receiver answers 200 [M32]. */
export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly options: WebhookOptions,
    private readonly random: Random,
    private readonly counters: SandboxCounters,
    private readonly dropRate: () => number = () => options.dropRate,
  ) {}

  get enabled(): boolean {
    return this.options.url !== undefined;
  }

  /** Schedules one payload; faults (drop, duplicate) are applied here. */
  post(payload: Record<string, unknown>, delayMs = 0): void {
    if (!this.enabled || this.stopped || this.random.chance(this.dropRate())) return;
    const raw = JSON.stringify(payload);
    this.schedule(raw, 1, delayMs);
    if (this.random.chance(this.options.duplicateRate)) this.schedule(raw, 1, delayMs + this.random.between([10, 200]));
  }

  /** Resolves once nothing is scheduled or in flight. */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.inFlight.size > 0) {
      await Promise.all([...this.inFlight, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(raw: string, attempt: number, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const delivery = this.deliver(raw, attempt).finally(() => this.inFlight.delete(delivery));
      this.inFlight.add(delivery);
    }, Math.max(0, delayMs));
    this.timers.add(timer);
  }

  private async deliver(raw: string, attempt: number): Promise<void> {
    this.counters.webhookAttempts += 1;
    if (await this.attempt(raw)) {
      this.counters.webhooksDelivered += 1;
      return;
    }
    if (this.stopped) return;
    if (attempt >= this.options.maxAttempts) {
      this.counters.webhooksAbandoned += 1;
      return;
    }
    this.schedule(raw, attempt + 1, this.options.retryBaseMs * 2 ** (attempt - 1));
  }

  private async attempt(raw: string): Promise<boolean> {
    try {
      const response = await fetch(this.options.url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhook(raw, this.options.appSecret) },
        body: raw,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.arrayBuffer();
      return response.status === 200;
    } catch {
      return false;
    }
  }
}
