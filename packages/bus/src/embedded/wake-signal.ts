/** A change counter loops can wait on without missing a change that happened before they waited. */
export class WakeSignal {
  private current = 0;
  private waiters: Array<() => void> = [];

  get version(): number {
    return this.current;
  }

  notify(): void {
    this.current += 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves at once if something changed since `version` was read, else at the next change. */
  changedSince(version: number): Promise<void> {
    if (version !== this.current) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
