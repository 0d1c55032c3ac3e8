import type { BusMessage, ReceivedMessage } from '@recado/bus';
import { decodeKafkaMessage, type SendCommand } from '@recado/contracts';
import { deadLetterFor } from '../dead-letter';

export interface ReceivedCommand {
  readonly command: SendCommand;
  readonly traceparent?: string;
  readonly record: ReceivedMessage;
}

export interface IntakeResult {
  readonly commands: ReceivedCommand[];
  readonly deadLetters: BusMessage[];
}

/** Decodes a batch of send-command records; whatever is not a valid send-command goes to the dead letters. */
export function takeCommands(records: readonly ReceivedMessage[], group: string, now: Date): IntakeResult {
  const commands: ReceivedCommand[] = [];
  const deadLetters: BusMessage[] = [];
  for (const record of records) {
    const decoded = decodeKafkaMessage(record);
    if (!decoded.ok) {
      deadLetters.push(deadLetterFor(record, { reasonCode: decoded.code, message: `not a valid send-command (${decoded.code})`, errors: decoded.errors }, group, now));
    } else if (decoded.value.type !== 'com.recado.send-command.v1') {
      deadLetters.push(deadLetterFor(record, { reasonCode: 'UNEXPECTED_EVENT_TYPE', message: `expected a send-command, got ${decoded.value.type}` }, group, now));
    } else {
      const traceparent = decoded.value.traceparent;
      commands.push({ command: decoded.value.data, record, ...(traceparent === undefined ? {} : { traceparent }) });
    }
  }
  return { commands, deadLetters };
}
