import { execFile } from 'node:child_process';
import { decodeKafkaMessage } from '@recado/contracts';
import { kafkaTestBootstrap, uniqueName } from '@recado/testing';
import type { ReceivedMessage } from '../bus';
import { waitFor } from '../testing/bus-test-kit';
import { createKafkaBus } from './kafka-bus';

const KEY = '106540352242922:5511987654321';
const OTHER_KEYS = Array.from({ length: 11 }, (_, index) => `106540352242922:55119876500${index + 10}`);
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

// Written by hand, as another team would, not built with @recado/contracts.
const command = {
  commandId: 'order-service:order-1234:shipped',
  tenantId: 'acme',
  phoneNumberId: '106540352242922',
  recipient: { waId: '5511987654321' },
  content: { type: 'text', text: { body: 'Seu pedido foi enviado!', preview_url: false } },
  metadata: { orderId: '1234' },
  requestedAt: '2026-11-23T08:59:59.000Z',
};
const event = {
  specversion: '1.0',
  id: command.commandId,
  source: '/acme/order-service',
  type: 'com.recado.send-command.v1',
  time: command.requestedAt,
  subject: command.commandId,
  datacontenttype: 'application/json',
  tenantid: 'acme',
  partitionkey: KEY,
  data: command,
};

/** One record per `key|value` line. */
function kcatProduce(brokers: string[], topic: string, lines: string[]): Promise<void> {
  const args = ['-P', '-b', brokers.join(','), '-t', topic, '-K', '|', '-H', 'content-type=application/cloudevents+json', '-H', `traceparent=${TRACEPARENT}`];
  args.push('-X', 'topic.partitioner=murmur2_random', '-X', 'acks=all');
  return new Promise((resolve, reject) => {
    const child = execFile('/usr/bin/kcat', args, { timeout: 20_000 }, (error, _stdout, stderr) => (error ? reject(new Error(`kcat failed: ${stderr}`)) : resolve()));
    child.stdin?.end(lines.map((line) => `${line}\n`).join(''));
  });
}

describe('a send-command produced by kcat (librdkafka, not Node)', () => {
  it('is consumed through the Kafka bus and decoded by the contracts, in the partition kafkajs picks for its key', async () => {
    const brokers = kafkaTestBootstrap();
    const topic = uniqueName('kcat-send-commands');
    const bus = createKafkaBus({ brokers, logLevel: 'nothing', consumer: { sessionTimeout: 3_000, heartbeatInterval: 500, maxWaitTimeInMs: 100 } });
    const received: ReceivedMessage[] = [];
    try {
      await kcatProduce(brokers, topic, [`${KEY}|${JSON.stringify(event)}`, ...OTHER_KEYS.map((key) => `${key}|{}`)]);
      await bus.publish([KEY, ...OTHER_KEYS].map((key) => ({ topic, key, value: Buffer.from('{}'), headers: { producer: 'kafkajs' } })));
      const subscription = await bus.subscribe({ group: uniqueName('kcat'), topics: [topic], handler: (batch) => Promise.resolve(void received.push(...batch.messages)) });
      await waitFor('every record', () => received.length >= 2 * (OTHER_KEYS.length + 1));
      await subscription.stop();
    } finally {
      await bus.close();
    }

    const partitionsBy = (producer: 'kcat' | 'kafkajs'): Map<string, number> =>
      new Map(received.filter((message) => (message.headers['producer'] === 'kafkajs') === (producer === 'kafkajs')).map((message) => [message.key, message.partition]));
    expect(partitionsBy('kcat')).toEqual(partitionsBy('kafkajs'));
    expect(new Set(partitionsBy('kcat').values()).size).toBeGreaterThan(1);
    const fromKcat = received.find((message) => message.key === KEY && message.headers['producer'] === undefined);
    const decoded = decodeKafkaMessage(fromKcat ?? { value: null });
    if (!decoded.ok) throw new Error(`not decoded: ${decoded.code} ${JSON.stringify(decoded.errors)}`);
    expect(decoded.key).toBe(KEY);
    expect(decoded.value.type).toBe('com.recado.send-command.v1');
    expect(decoded.value.traceparent).toBe(TRACEPARENT);
    expect(decoded.value.data).toEqual(command);
  });
});
