import { buildCloudEvent, EVENTS, type EventData, type EventKind } from '@recado/contracts';
import type { NormalisedEvent, NormalisedWebhook } from '../normalise.types';
import { CONTEXT } from './webhook-bodies';

const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** What the HTTP layer will do with the result: build CloudEvents, send JSON. All of it must hold. */
export function expectPublishable(result: NormalisedWebhook): void {
  for (const event of result.events) {
    const built = buildCloudEvent(event.kind, event.data, { id: event.id, source: '/recado/webhook-ingest', time: CONTEXT.receivedAt });
    expect(built).toMatchObject({ ok: true });
    expect(EVENTS[event.kind].schema.safeParse(viaJson(event.data)).success).toBe(true);
  }
  for (const event of result.unclassified) {
    expect(EVENTS.unclassifiedWebhook.schema.safeParse(viaJson(event.data)).success).toBe(true);
  }
}

export const eventsOf = <K extends EventKind>(result: NormalisedWebhook, kind: K): NormalisedEvent<K>[] =>
  result.events.filter((event) => event.kind === kind) as unknown as NormalisedEvent<K>[];

/** The data of the only event of the result, which must be of `kind` (and nothing unclassified). */
export function onlyEvent<K extends EventKind>(result: NormalisedWebhook, kind: K): EventData<K> {
  expect(result.unclassified).toEqual([]);
  expect(result.events.map((event) => event.kind)).toEqual([kind]);
  const [event] = eventsOf(result, kind);
  if (event === undefined) throw new Error(`no ${kind} event`);
  return event.data;
}

export function onlyUnclassified(result: NormalisedWebhook): NormalisedEvent<'unclassifiedWebhook'>['data'] {
  expect(result.events).toEqual([]);
  expect(result.unclassified).toHaveLength(1);
  const [event] = result.unclassified;
  if (event === undefined) throw new Error('no unclassified event');
  return event.data;
}

export const idsOf = (result: NormalisedWebhook): string[] => [...result.events, ...result.unclassified].map((event) => event.id);
