import type { Bus, Subscription } from '@recado/bus';
import { TOPICS } from '@recado/contracts';
import type { Logger } from '@recado/service-kit';
import type { DataSource } from 'typeorm';
import { projectBatch, type BatchDeps } from './project-batch';
import { PROJECTOR_GROUP } from './projection';

export interface ProjectorOptions {
  readonly dataSource: DataSource;
  readonly bus: Bus;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Largest batch handed to the projector (the bus's default when absent). */
  readonly maxBatchSize?: number;
}

export interface Projector {
  /** Joins the `recado-projector` group; stop the subscription to leave it. */
  start(): Promise<Subscription>;
}

export const PROJECTOR_TOPICS: readonly string[] = [TOPICS.inboundMessages, TOPICS.messageStatuses, TOPICS.accountEvents];

/** Applies inbound messages, statuses, template, account and user-preference events to the database. */
export function createProjector(options: ProjectorOptions): Projector {
  const deps: BatchDeps = { dataSource: options.dataSource, bus: options.bus, logger: options.logger, now: options.now ?? (() => new Date()) };
  return {
    start: () =>
      options.bus.subscribe({
        group: PROJECTOR_GROUP,
        topics: PROJECTOR_TOPICS,
        ...(options.maxBatchSize === undefined ? {} : { maxBatchSize: options.maxBatchSize }),
        handler: (batch) => projectBatch(batch, deps),
        onHandlerError: (error, batch) =>
          options.logger.error('projector batch failed; it will be redelivered', {
            error: error instanceof Error ? error.stack : String(error), topic: batch.topic, partition: batch.partition, attempt: batch.attempt,
          }),
      }),
  };
}
