import type { ValidationError } from '@recado/contracts';
import { compact, type JsonObject } from './json-values';
import type { EventDraft, MetaEventKind, UnclassifiedDraft } from './normalise.types';
import type { UnclassifiedReason } from './unclassified';

export const eventDraft = (kind: MetaEventKind, idParts: readonly string[], data: JsonObject, source: unknown): EventDraft => ({
  type: 'event',
  kind,
  idParts,
  data: compact(data),
  source,
});

export const unclassifiedDraft = (reasonCode: UnclassifiedReason, payload: unknown, errors?: readonly ValidationError[]): UnclassifiedDraft =>
  errors === undefined ? { type: 'unclassified', reasonCode, payload } : { type: 'unclassified', reasonCode, payload, errors };

export const notAnArray = (path: string): ValidationError => ({ path, message: 'Invalid input: expected array' });
