import { cloudEventEnvelopeSchema, CLOUD_EVENTS_CONTENT_TYPE } from '../cloud-event';
import { EVENT_KINDS, EVENTS, type EventKind } from '../event-catalog';
import { TOPIC_SPECS, type TopicId } from '../topics';
import { toJsonSchema, type JsonSchema } from './json-schema';

const KAFKA_BINDING_VERSION = '0.5.0';
const pascal = (kind: string): string => kind.charAt(0).toUpperCase() + kind.slice(1);
const ref = (path: string) => ({ $ref: `#/${path}` });

/** Example payloads for the document, by kind (the committed v1 fixtures, chosen by the caller). */
export type Examples = Partial<Record<EventKind, readonly unknown[]>>;

const kafkaHeaders: JsonSchema = {
  type: 'object',
  description: 'Kafka record headers. The trace context repeats the envelope so tools can read it without parsing the value.',
  required: ['content-type'],
  properties: {
    'content-type': { type: 'string', const: CLOUD_EVENTS_CONTENT_TYPE },
    traceparent: { type: 'string', description: 'W3C Trace Context traceparent', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
    tracestate: { type: 'string', description: 'W3C Trace Context tracestate', maxLength: 512 },
  },
};

const channel = (id: TopicId) => {
  const spec = TOPIC_SPECS[id];
  const kinds = EVENT_KINDS.filter((kind) => EVENTS[kind].topic === id);
  return {
    address: spec.name,
    title: spec.name,
    description: `${spec.description}\n\nKey: ${spec.key}.`,
    messages: Object.fromEntries(kinds.map((kind) => [kind, ref(`components/messages/${kind}`)])),
    bindings: {
      kafka: {
        topic: spec.name,
        partitions: spec.partitions,
        ...(Object.keys(spec.config).length > 0 && {
          topicConfiguration: Object.fromEntries(Object.entries(spec.config).map(([key, value]) => [key, Number(value)])),
        }),
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
};

const message = (kind: EventKind, examples: readonly unknown[]) => {
  const spec = EVENTS[kind];
  return {
    name: kind,
    title: spec.title,
    summary: `CloudEvent of type ${spec.type}`,
    contentType: CLOUD_EVENTS_CONTENT_TYPE,
    headers: ref('components/schemas/KafkaHeaders'),
    payload: {
      allOf: [
        ref('components/schemas/CloudEventEnvelope'),
        { type: 'object', required: ['type', 'data'], properties: { type: { const: spec.type }, data: ref(`components/schemas/${pascal(kind)}`) } },
      ],
    },
    bindings: {
      kafka: { key: { type: 'string', description: TOPIC_SPECS[spec.topic].key }, bindingVersion: KAFKA_BINDING_VERSION },
    },
    ...(examples.length > 0 && {
      examples: examples.map((payload, index) => ({ name: `${kind}${index + 1}`, headers: { 'content-type': CLOUD_EVENTS_CONTENT_TYPE }, payload })),
    }),
  };
};

// Recado's point of view: it receives send-commands and sends every other event.
const operation = (kind: EventKind) => {
  const topic = EVENTS[kind].topic;
  const receive = kind === 'sendCommand';
  return [
    `${receive ? 'receive' : 'send'}${pascal(kind)}`,
    {
      action: receive ? 'receive' : 'send',
      title: `${receive ? 'Consume' : 'Publish'} ${EVENTS[kind].title.toLowerCase()}`,
      channel: ref(`channels/${topic}`),
      messages: [ref(`channels/${topic}/messages/${kind}`)],
    },
  ] as const;
};

/** The AsyncAPI 3.0 document of every Recado topic, derived from the schemas (never edited by hand). */
export const buildAsyncApiDocument = (examples: Examples = {}): Record<string, unknown> => ({
  asyncapi: '3.0.0',
  info: {
    title: 'Recado Kafka contracts',
    version: '1.0.0',
    description:
      'Topics, keys and CloudEvents 1.0 (structured JSON) payloads of Recado. Generated from packages/contracts by `npm run asyncapi`; evolution rules in docs/CONTRACTS.md.',
  },
  defaultContentType: CLOUD_EVENTS_CONTENT_TYPE,
  servers: {
    local: { host: 'localhost:29092', protocol: 'kafka', description: 'docker-compose.yml broker (HOST listener)' },
  },
  channels: Object.fromEntries((Object.keys(TOPIC_SPECS) as TopicId[]).map((id) => [id, channel(id)])),
  operations: Object.fromEntries(EVENT_KINDS.map(operation)),
  components: {
    schemas: {
      CloudEventEnvelope: toJsonSchema(cloudEventEnvelopeSchema),
      KafkaHeaders: kafkaHeaders,
      ...Object.fromEntries(EVENT_KINDS.map((kind) => [pascal(kind), toJsonSchema(EVENTS[kind].schema)])),
    },
    messages: Object.fromEntries(EVENT_KINDS.map((kind) => [kind, message(kind, examples[kind] ?? [])])),
  },
});
