import type { ReceivedMessage } from '@recado/bus';
import { decodeKafkaMessage, TOPICS } from '@recado/contracts';
import { deadLetterFor } from './dead-letter';

describe('deadLetterFor', () => {
  it('carries the reason and the original bytes, and is itself a valid event', () => {
    const record: ReceivedMessage = { topic: TOPICS.messageStatuses, partition: 4, offset: '17', key: 'k', value: Buffer.from([0xff, 0x00, 0x7b]), headers: { 'content-type': 'application/json' } };
    const message = deadLetterFor(record, { reasonCode: 'INVALID_JSON', message: 'not JSON' }, 'recado-projector', new Date('2026-04-01T10:00:00Z'));
    expect(message.topic).toBe(TOPICS.deadLetters);
    expect(message.key).toBe('k');
    const decoded = decodeKafkaMessage(message);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.errors));
    expect(decoded.value.data).toMatchObject({ reasonCode: 'INVALID_JSON', sourceTopic: TOPICS.messageStatuses, sourcePartition: 4, sourceOffset: '17', consumerGroup: 'recado-projector' });
    expect(Buffer.from((decoded.value.data as { originalValueBase64: string }).originalValueBase64, 'base64')).toEqual(record.value);
    expect(deadLetterFor(record, { reasonCode: 'INVALID_JSON', message: 'again' }, 'recado-projector', new Date()).value.toString()).toContain(JSON.parse(message.value.toString()).id);
  });
});
