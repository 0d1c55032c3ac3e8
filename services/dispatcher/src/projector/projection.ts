import type { CloudEvent, EventKind } from '@recado/contracts';
import type { Db } from '@recado/persistence';
import type { Logger } from '@recado/service-kit';

export interface ProjectionContext {
  readonly logger: Logger;
  /** When the projector took the event (for what it keeps, never for rules). */
  readonly receivedAt: Date;
}

/** Applies one event inside the caller's transaction (which also marks the event processed). */
export type Projection<K extends EventKind> = (db: Db, event: CloudEvent<K>, context: ProjectionContext) => Promise<void>;

/** Consumer group, and the consumer name under which processed event ids are kept. */
export const PROJECTOR_GROUP = 'recado-projector';
