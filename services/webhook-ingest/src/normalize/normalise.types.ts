import type { EventData, EventKind, ValidationError } from '@recado/contracts';
import type { JsonObject } from './json-values';
import type { UnclassifiedReason } from './unclassified';

/** One event ready to publish: its data already passed the kind's schema. */
export type NormalisedEvent<K extends EventKind = EventKind> = {
  [P in K]: { readonly kind: P; readonly id: string; readonly data: EventData<P> };
}[K];

export interface WebhookContext {
  /** 1 to 200 characters: it travels in every unclassified event. */
  readonly requestId: string;
  readonly receivedAt: Date;
}

export interface NormalisedWebhook {
  readonly events: readonly NormalisedEvent<MetaEventKind>[];
  readonly unclassified: readonly NormalisedEvent<'unclassifiedWebhook'>[];
  /** Valid `entry[].id` values, each once, in order of appearance. */
  readonly wabaIds: readonly string[];
}

/** The kinds a Meta webhook can yield besides `unclassifiedWebhook`. */
export type MetaEventKind =
  | 'inboundMessage'
  | 'messageStatus'
  | 'templateStatusUpdated'
  | 'templateCategoryUpdated'
  | 'templateQualityUpdated'
  | 'phoneNumberQualityUpdated'
  | 'businessCapabilityUpdated'
  | 'accountUpdated'
  | 'userPreferenceUpdated';

/** What a change handler makes of one Meta item, before the kind's schema has seen it. */
export interface EventDraft {
  readonly type: 'event';
  readonly kind: MetaEventKind;
  readonly idParts: readonly string[];
  readonly data: JsonObject;
  /** Meta's item, untouched: the payload if the data fails its schema. */
  readonly source: unknown;
}

export interface UnclassifiedDraft {
  readonly type: 'unclassified';
  readonly reasonCode: UnclassifiedReason;
  readonly payload: unknown;
  readonly errors?: readonly ValidationError[];
}

export type Finding = EventDraft | UnclassifiedDraft;

/** Where a change came from: `entry[].id` (numbers already turned into strings) and `entry[].time`. */
export interface EntryScope {
  readonly context: WebhookContext;
  readonly wabaId: unknown;
  readonly entryTime: unknown;
}

export type ChangeHandler = (value: JsonObject, scope: EntryScope) => Finding[];
