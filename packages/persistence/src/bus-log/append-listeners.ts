import type { DataSource } from 'typeorm';
import { appendedTotal } from './bus-log.queries';

export interface AppendWatch {
  /** How often to look for appends made by other processes. */
  readonly intervalMs: number;
  /** Told about each failed look; the watch keeps going. */
  readonly onError: (error: unknown) => void;
}

/**
 * The `onAppend` listeners of one log. Local appends notify them directly; with a watch, a timer
 * also polls the partitions' total while anyone listens, and notifies when another process appended.
 */
export class AppendListeners {
  private readonly listeners = new Set<() => void>();
  private stopWatch: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly watch: AppendWatch | undefined,
  ) {}

  add(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.watch && this.stopWatch === undefined) this.stopWatch = pollAppends(this.dataSource, this.watch, () => this.notify());
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.stopWatch?.();
      this.stopWatch = undefined;
    };
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function pollAppends(dataSource: DataSource, watch: AppendWatch, notify: () => void): () => void {
  let stopped = false;
  let seen: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const look = async (): Promise<void> => {
    try {
      const total = await appendedTotal(dataSource.manager);
      // The first look notifies too: an append may have landed between the listener's last read and now.
      if (total !== seen && !stopped) notify();
      seen = total;
    } catch (error) {
      // After stop the data source may be closing: such failures are not the watch's to report.
      if (!stopped) watch.onError(error);
    }
    if (!stopped) timer = setTimeout(() => void look(), watch.intervalMs).unref();
  };
  void look();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
