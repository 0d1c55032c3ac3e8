import type { Logger } from '@recado/service-kit';
import type { DataSource } from 'typeorm';
import type { DispatcherMetrics } from '../dispatcher-metrics';
import type { MetaClients } from './meta-clients';
import type { TakeTurn } from './serial-turns';

export interface SendPathSettings {
  /**
   * Messages per second for every number, if set (a sandbox, a test, a deliberate cap); otherwise
   * each number's own, from its throughput level (80, or 1,000 after Meta's upgrade). Shared by
   * every dispatcher instance.
   */
  readonly throughputPerSecond: number | undefined;
  /** Contacts sent to side by side within a batch. */
  readonly sendConcurrency: number;
  /** Consumer group of the send-commands topic. */
  readonly group: string;
}

export interface SendPathDeps {
  readonly dataSource: DataSource;
  readonly clients: MetaClients;
  readonly settings: SendPathSettings;
  readonly logger: Logger;
  readonly metrics: DispatcherMetrics;
  readonly now: () => Date;
  /** Decisions are made one batch at a time (the sends of several batches overlap). */
  readonly takeDecisionTurn: TakeTurn;
  /** A number in [0, 1): retry jitter (a parameter so tests can fix it). */
  readonly jitter: () => number;
}
