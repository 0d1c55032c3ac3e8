import type { BusMessage } from '@recado/bus';
import { deterministicEventId, wrapValidatedData, encodeKafkaMessage, type BuildOptions, type CloudEvent, type EventData, type EventKind, rawWebhookSchema } from '@recado/contracts';
import type { NormalisedEvent, NormalisedWebhook } from './normalize';

export const EVENT_SOURCE = '/recado/webhook-ingest';

/** What the service knows of one verified call. */
export interface WebhookCall {
  readonly requestId: string;
  readonly receivedAt: Date;
  /** The verified bytes, decoded as UTF-8. */
  readonly body: string;
  /** Lower-cased names; only those worth keeping with the raw body. */
  readonly headers: Readonly<Record<string, string>>;
  readonly traceparent?: string;
  readonly tracestate?: string;
}

export class EventBuildError extends Error {
  override readonly name = 'EventBuildError';
}

type Envelope = Omit<BuildOptions, 'id'>;

const envelopeOf = (call: WebhookCall): Envelope => ({
  source: EVENT_SOURCE,
  time: call.receivedAt,
  ...(call.traceparent === undefined ? {} : { traceparent: call.traceparent }),
  ...(call.tracestate === undefined ? {} : { tracestate: call.tracestate }),
});

function build<K extends EventKind>(kind: K, id: string, data: EventData<K>, envelope: Envelope): CloudEvent {
  // The normaliser has validated every item against its schema: only the envelope is checked here.
  const built = wrapValidatedData(kind, data, { ...envelope, id });
  if (!built.ok) throw new EventBuildError(`${kind} ${id}: ${built.errors.map((error) => `${error.path} ${error.message}`).join('; ')}`);
  return built.value as CloudEvent;
}

/** The raw call first, then every event it carried, then the items no schema recognised. */
export function webhookEvents(call: WebhookCall, normalised: NormalisedWebhook | undefined): CloudEvent[] {
  const envelope = envelopeOf(call);
  const raw = build('rawWebhook', deterministicEventId('raw-webhook', call.requestId), rawWebhookSchema.parse({
    requestId: call.requestId,
    receivedAt: call.receivedAt.toISOString(),
    headers: { ...call.headers },
    body: call.body,
    ...(normalised === undefined ? {} : { wabaIds: [...normalised.wabaIds] }),
  }), envelope);
  const items: readonly NormalisedEvent[] = normalised === undefined ? [] : [...normalised.events, ...normalised.unclassified];
  return [raw, ...items.map((item) => build(item.kind, item.id, item.data, envelope))];
}

export const toBusMessages = (events: readonly CloudEvent[]): BusMessage[] => events.map(encodeKafkaMessage);
