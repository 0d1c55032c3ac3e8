import type { Bus, BusMessage, MessageBatch, ReceivedMessage } from '@recado/bus';
import { decodeKafkaMessage, type CloudEvent, type EventKind } from '@recado/contracts';
import { inTransaction, markEventProcessed, type Db } from '@recado/persistence';
import type { Logger } from '@recado/service-kit';
import type { DataSource } from 'typeorm';
import { deadLetterFor, type DeadLetterReason } from '../dead-letter';
import { isPermanentFailure } from './failure-policy';
import { PROJECTOR_GROUP, type Projection } from './projection';
import { projectionFor } from './projections';

export interface BatchDeps {
  readonly dataSource: DataSource;
  readonly bus: Bus;
  readonly logger: Logger;
  readonly now: () => Date;
}

/**
 * Applies a batch in log order, each event in its own transaction with its processed mark;
 * records that cannot be applied go to the dead letters, published before the batch commits.
 * A failure that may pass rejects the batch, which is redelivered (applied events are skipped).
 */
export async function projectBatch(batch: MessageBatch, deps: BatchDeps): Promise<void> {
  const deadLetters: BusMessage[] = [];
  for (const record of batch.messages) {
    const reason = await projectRecord(record, batch.attempt, deps);
    if (reason !== null) deadLetters.push(deadLetterFor(record, reason, PROJECTOR_GROUP, deps.now()));
  }
  if (deadLetters.length > 0) await deps.bus.publish(deadLetters);
}

async function projectRecord(record: ReceivedMessage, attempt: number, deps: BatchDeps): Promise<DeadLetterReason | null> {
  const decoded = decodeKafkaMessage(record);
  if (!decoded.ok) return { reasonCode: decoded.code, message: `not a valid event (${decoded.code})`, errors: decoded.errors };
  const event = decoded.value;
  const project = projectionFor(event);
  if (project === null) return { reasonCode: 'UNEXPECTED_EVENT_TYPE', message: `the projector does not consume ${event.type}` };
  try {
    await inTransaction(deps.dataSource, (db) => applyOnce(db, event, project, deps));
    return null;
  } catch (error) {
    if (!isPermanentFailure(error, attempt)) throw error;
    deps.logger.error('event cannot be applied; dead-lettered', { eventId: event.id, type: event.type, error: errorText(error) });
    return { reasonCode: 'PROJECTION_FAILED', message: errorText(error) };
  }
}

async function applyOnce(db: Db, event: CloudEvent, project: Projection<EventKind>, deps: BatchDeps): Promise<void> {
  if (!(await markEventProcessed(db, PROJECTOR_GROUP, event.id))) {
    deps.logger.debug('event already applied', { eventId: event.id, type: event.type });
    return;
  }
  await project(db, event, { logger: deps.logger, receivedAt: deps.now() });
  deps.logger.debug('event applied', { eventId: event.id, type: event.type });
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
