import type { BusMessage, ReceivedMessage } from '@recado/bus';
import { buildCloudEvent, decodeKafkaMessage, deterministicEventId, encodeKafkaMessage, type SendCommand } from '@recado/contracts';

export interface ReceivedCommand {
  readonly command: SendCommand;
  readonly traceparent?: string;
  readonly record: ReceivedMessage;
}

export interface IntakeResult {
  readonly commands: ReceivedCommand[];
  readonly deadLetters: BusMessage[];
}

/** A record the dispatcher cannot use, with the reason and the original bytes, for the dead-letter topic. */
export function deadLetter(record: ReceivedMessage, reasonCode: string, error: { message: string; errors?: readonly { path: string; message: string }[] }, group: string, now: Date): BusMessage {
  const built = buildCloudEvent('deadLetter', {
    reasonCode,
    sourceTopic: record.topic,
    sourcePartition: record.partition,
    sourceOffset: record.offset,
    sourceKey: record.key,
    sourceHeaders: { ...record.headers },
    originalValueBase64: record.value.toString('base64'),
    error: { message: error.message, ...(error.errors === undefined ? {} : { errors: [...error.errors] }) },
    consumerGroup: group,
    failedAt: now.toISOString(),
  }, { id: deterministicEventId('dead-letter', record.topic, String(record.partition), record.offset), source: '/recado/dispatcher', time: now });
  if (!built.ok) throw new Error(`dead letter does not validate: ${JSON.stringify(built.errors)}`);
  return encodeKafkaMessage(built.value);
}

/** Decodes a batch of send-command records; whatever is not a valid send-command goes to the dead letters. */
export function takeCommands(records: readonly ReceivedMessage[], group: string, now: Date): IntakeResult {
  const commands: ReceivedCommand[] = [];
  const deadLetters: BusMessage[] = [];
  for (const record of records) {
    const decoded = decodeKafkaMessage(record);
    if (!decoded.ok) {
      deadLetters.push(deadLetter(record, decoded.code, { message: `not a valid send-command (${decoded.code})`, errors: decoded.errors }, group, now));
    } else if (decoded.value.type !== 'com.recado.send-command.v1') {
      deadLetters.push(deadLetter(record, 'UNEXPECTED_EVENT_TYPE', { message: `expected a send-command, got ${decoded.value.type}` }, group, now));
    } else {
      const traceparent = decoded.value.traceparent;
      commands.push({ command: decoded.value.data, record, ...(traceparent === undefined ? {} : { traceparent }) });
    }
  }
  return { commands, deadLetters };
}
