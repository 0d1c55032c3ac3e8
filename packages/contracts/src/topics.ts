/** Kafka topics. A new major version of a payload is a new topic (`…v2`), never an edit of these. */
export const TOPICS = {
  sendCommands: 'recado.send-commands.v1',
  sendOutcomes: 'recado.send-outcomes.v1',
  inboundMessages: 'recado.inbound-messages.v1',
  messageStatuses: 'recado.message-statuses.v1',
  accountEvents: 'recado.account-events.v1',
  rawWebhooks: 'recado.raw-webhooks.v1',
  unclassifiedWebhooks: 'recado.unclassified-webhooks.v1',
  deadLetters: 'recado.dead-letters.v1',
} as const;

export type TopicId = keyof typeof TOPICS;
export type TopicName = (typeof TOPICS)[TopicId];

export interface TopicSpec {
  readonly name: TopicName;
  readonly partitions: number;
  /** Topic-level Kafka configuration set at creation (docker-compose.yml's kafka-topics). */
  readonly config: Readonly<Record<string, string>>;
  /** What the record key is, for humans and the AsyncAPI document. */
  readonly key: string;
  readonly description: string;
}

const contactKey = '`phoneNumberId:contactId` (contactId = waId, else userId): one contact in one partition, in order';
const FOURTEEN_DAYS_MS = String(14 * 24 * 60 * 60 * 1000);
// Meta's webhook bodies reach 3 MB and travel whole (JSON-escaped) inside an event; Kafka's default cap is 1 MB.
const SIXTEEN_MIB = String(16 * 1024 * 1024);

/** Created by deployment (topics are never auto-created); partition counts are part of the contract. */
export const TOPIC_SPECS: Readonly<Record<TopicId, TopicSpec>> = {
  sendCommands: {
    name: TOPICS.sendCommands, partitions: 12, config: {}, key: contactKey,
    description: 'Requests to send one WhatsApp message, produced by internal systems and the gateway.',
  },
  sendOutcomes: {
    name: TOPICS.sendOutcomes, partitions: 12, config: {}, key: contactKey,
    description: "What became of each send-command: accepted, deferred, rejected, sent or failed.",
  },
  inboundMessages: {
    name: TOPICS.inboundMessages, partitions: 12, config: {}, key: contactKey,
    description: "Messages users sent to the business's numbers, one event per Meta `messages[]` item.",
  },
  messageStatuses: {
    name: TOPICS.messageStatuses, partitions: 12, config: {}, key: contactKey,
    description: 'Delivery statuses (sent, delivered, read, played, failed) with pricing and errors.',
  },
  accountEvents: {
    name: TOPICS.accountEvents, partitions: 3, config: {},
    key: '`wabaId` for template and account events; `phoneNumberId:contactId` for user preferences',
    description: 'Template status, category and quality; phone-number quality; capability and account updates; user preferences.',
  },
  rawWebhooks: {
    name: TOPICS.rawWebhooks, partitions: 6, config: { 'retention.ms': FOURTEEN_DAYS_MS, 'max.message.bytes': SIXTEEN_MIB }, key: '`requestId` of the webhook call',
    description: 'Every accepted webhook call byte for byte, so that events can always be re-derived.',
  },
  unclassifiedWebhooks: {
    name: TOPICS.unclassifiedWebhooks, partitions: 3, config: { 'max.message.bytes': SIXTEEN_MIB }, key: '`wabaId`, else `requestId`',
    description: 'Webhook items no schema recognised, kept with their raw payload (never dropped).',
  },
  deadLetters: {
    name: TOPICS.deadLetters, partitions: 3, config: {}, key: 'the original record key, else `topic:partition`',
    description: 'Records a consumer could not process, with the reason and the original bytes.',
  },
};
