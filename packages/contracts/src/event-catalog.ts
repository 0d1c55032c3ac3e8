import type { z } from 'zod';
import { contactKey } from './partition-key';
import { accountUpdatedSchema, businessCapabilityUpdatedSchema, phoneNumberQualityUpdatedSchema, userPreferenceUpdatedSchema } from './schemas/account-events.schema';
import { inboundMessageSchema } from './schemas/inbound-message.schema';
import { messageStatusSchema } from './schemas/message-status.schema';
import { sendCommandSchema } from './schemas/send-command.schema';
import { sendOutcomeSchema } from './schemas/send-outcome.schema';
import { templateCategoryUpdatedSchema, templateQualityUpdatedSchema, templateStatusUpdatedSchema } from './schemas/template-events.schema';
import { deadLetterSchema, rawWebhookSchema, unclassifiedWebhookSchema } from './schemas/webhook-events.schema';
import type { TopicId } from './topics';

export interface EventSpec<S extends z.ZodType, T extends string> {
  /** CloudEvents `type`; its `.v1` suffix moves with the topic's version. */
  readonly type: T;
  readonly topic: TopicId;
  readonly schema: S;
  readonly title: string;
  /** The Kafka record key (and CloudEvents `partitionkey`) of an event. */
  readonly key: (data: z.output<S>) => string;
  /** The CloudEvents `subject`: what the event is about. */
  readonly subject: (data: z.output<S>) => string | undefined;
}

const spec = <S extends z.ZodType, T extends string>(value: EventSpec<S, T>): EventSpec<S, T> => value;

const contactOf = (data: { waId?: string | undefined; userId?: string | undefined }, fallback = ''): string =>
  data.waId ?? data.userId ?? fallback;

/** Every event Recado puts on Kafka, by kind. */
export const EVENTS = {
  sendCommand: spec({
    type: 'com.recado.send-command.v1', topic: 'sendCommands', schema: sendCommandSchema, title: 'Send command',
    key: (d) => contactKey(d.phoneNumberId, contactOf(d.recipient)), subject: (d) => d.commandId,
  }),
  sendOutcome: spec({
    type: 'com.recado.send-outcome.v1', topic: 'sendOutcomes', schema: sendOutcomeSchema, title: 'Send outcome',
    key: (d) => contactKey(d.phoneNumberId, contactOf(d.recipient)), subject: (d) => d.commandId,
  }),
  inboundMessage: spec({
    type: 'com.recado.inbound-message.v1', topic: 'inboundMessages', schema: inboundMessageSchema, title: 'Inbound message',
    key: (d) => contactKey(d.phoneNumberId, contactOf(d)), subject: (d) => d.message.id,
  }),
  messageStatus: spec({
    type: 'com.recado.message-status.v1', topic: 'messageStatuses', schema: messageStatusSchema, title: 'Message status',
    key: (d) => contactKey(d.phoneNumberId, contactOf(d, d.recipientId)), subject: (d) => d.wamid,
  }),
  templateStatusUpdated: spec({
    type: 'com.recado.template-status-updated.v1', topic: 'accountEvents', schema: templateStatusUpdatedSchema,
    title: 'Template status updated', key: (d) => d.wabaId, subject: (d) => d.templateId,
  }),
  templateCategoryUpdated: spec({
    type: 'com.recado.template-category-updated.v1', topic: 'accountEvents', schema: templateCategoryUpdatedSchema,
    title: 'Template category updated', key: (d) => d.wabaId, subject: (d) => d.templateId,
  }),
  templateQualityUpdated: spec({
    type: 'com.recado.template-quality-updated.v1', topic: 'accountEvents', schema: templateQualityUpdatedSchema,
    title: 'Template quality updated', key: (d) => d.wabaId, subject: (d) => d.templateId,
  }),
  phoneNumberQualityUpdated: spec({
    type: 'com.recado.phone-number-quality-updated.v1', topic: 'accountEvents', schema: phoneNumberQualityUpdatedSchema,
    title: 'Phone number quality updated', key: (d) => d.wabaId, subject: (d) => d.phoneNumberId ?? d.displayPhoneNumber,
  }),
  businessCapabilityUpdated: spec({
    type: 'com.recado.business-capability-updated.v1', topic: 'accountEvents', schema: businessCapabilityUpdatedSchema,
    title: 'Business capability updated', key: (d) => d.wabaId, subject: (d) => d.wabaId,
  }),
  accountUpdated: spec({
    type: 'com.recado.account-updated.v1', topic: 'accountEvents', schema: accountUpdatedSchema,
    title: 'Account updated', key: (d) => d.wabaId, subject: (d) => d.wabaId,
  }),
  userPreferenceUpdated: spec({
    type: 'com.recado.user-preference-updated.v1', topic: 'accountEvents', schema: userPreferenceUpdatedSchema,
    title: 'User preference updated', key: (d) => contactKey(d.phoneNumberId, contactOf(d)), subject: (d) => contactOf(d),
  }),
  rawWebhook: spec({
    type: 'com.recado.raw-webhook.v1', topic: 'rawWebhooks', schema: rawWebhookSchema, title: 'Raw webhook',
    key: (d) => d.requestId, subject: (d) => d.requestId,
  }),
  unclassifiedWebhook: spec({
    type: 'com.recado.unclassified-webhook.v1', topic: 'unclassifiedWebhooks', schema: unclassifiedWebhookSchema,
    title: 'Unclassified webhook', key: (d) => d.wabaId ?? d.requestId, subject: (d) => d.field,
  }),
  deadLetter: spec({
    type: 'com.recado.dead-letter.v1', topic: 'deadLetters', schema: deadLetterSchema, title: 'Dead letter',
    key: (d) => d.sourceKey ?? `${d.sourceTopic}:${d.sourcePartition}`, subject: (d) => `${d.sourceTopic}/${d.sourcePartition}/${d.sourceOffset}`,
  }),
};

export type EventKind = keyof typeof EVENTS;
export type EventType = (typeof EVENTS)[EventKind]['type'];
export type EventData<K extends EventKind> = z.output<(typeof EVENTS)[K]['schema']>;

export const EVENT_KINDS = Object.keys(EVENTS) as EventKind[];

const KIND_OF_TYPE: ReadonlyMap<string, EventKind> = new Map(EVENT_KINDS.map((kind) => [EVENTS[kind].type, kind]));

export const eventKindOfType = (type: string): EventKind | undefined => KIND_OF_TYPE.get(type);
