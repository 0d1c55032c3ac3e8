import type { BusMessage, ReceivedMessage } from '@recado/bus';
import { buildCloudEvent, deterministicEventId, encodeKafkaMessage } from '@recado/contracts';

export interface DeadLetterReason {
  readonly reasonCode: string;
  readonly message: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
}

/** A record a consumer group cannot use, with the reason and the original bytes, for the dead-letter topic. */
export function deadLetterFor(record: ReceivedMessage, reason: DeadLetterReason, group: string, now: Date): BusMessage {
  const built = buildCloudEvent('deadLetter', {
    reasonCode: reason.reasonCode,
    sourceTopic: record.topic,
    sourcePartition: record.partition,
    sourceOffset: record.offset,
    sourceKey: record.key,
    sourceHeaders: { ...record.headers },
    originalValueBase64: record.value.toString('base64'),
    error: { message: reason.message, ...(reason.errors === undefined ? {} : { errors: reason.errors.map((error) => ({ ...error })) }) },
    consumerGroup: group,
    failedAt: now.toISOString(),
  }, { id: deterministicEventId('dead-letter', group, record.topic, String(record.partition), record.offset), source: `/recado/dispatcher/${group}`, time: now });
  if (!built.ok) throw new Error(`dead letter does not validate: ${JSON.stringify(built.errors)}`);
  return encodeKafkaMessage(built.value);
}
