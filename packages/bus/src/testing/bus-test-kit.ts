import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BusMessage, MessageBatch, ReceivedMessage } from '../bus';

/** A test message: `key` plus a sequence number in the value, so order and loss can be checked. */
export interface Numbered {
  readonly key: string;
  readonly seq: number;
}

export const testName = (prefix: string): string => `${prefix}-${randomBytes(5).toString('hex')}`;

export function numbered(topic: string, keys: number, perKey: number, firstSeq = 0): BusMessage[] {
  const messages: BusMessage[] = [];
  for (let seq = firstSeq; seq < firstSeq + perKey; seq += 1) {
    for (let key = 0; key < keys; key += 1) {
      messages.push({ topic, key: `key-${key}`, value: Buffer.from(JSON.stringify({ key: `key-${key}`, seq })), headers: { 'x-seq': String(seq) } });
    }
  }
  return messages;
}

export const readNumbered = (message: ReceivedMessage): Numbered => JSON.parse(message.value.toString('utf8')) as Numbered;

export const id = ({ key, seq }: Numbered): string => `${key}#${seq}`;

/** Records what a handler saw, per delivery. */
export class Recorder {
  readonly batches: MessageBatch[] = [];
  readonly handled: Numbered[] = [];

  seen(batch: MessageBatch): void {
    this.batches.push(batch);
  }

  succeeded(batch: MessageBatch): void {
    this.handled.push(...batch.messages.map(readNumbered));
  }

  ids(): string[] {
    return this.handled.map(id);
  }

  /** The sequence numbers handled for each key, in handling order. */
  perKey(): Map<string, number[]> {
    const result = new Map<string, number[]>();
    for (const { key, seq } of this.handled) result.set(key, [...(result.get(key) ?? []), seq]);
    return result;
  }
}

export async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export const ascending = (count: number, from = 0): number[] => Array.from({ length: count }, (_, index) => from + index);
