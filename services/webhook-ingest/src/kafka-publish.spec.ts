import type { BusMessage } from '@recado/bus';
import { coalescedKafkaPublish } from './kafka-publish';

const message = (key: string): BusMessage => ({ topic: 'recado.raw-webhooks.v1', key, value: Buffer.from(key), headers: {} });

describe('coalescedKafkaPublish', () => {
  it('sends calls that arrive within the linger in one publish, and settles each call with it', async () => {
    const publishes: string[][] = [];
    const publish = coalescedKafkaPublish({ publish: (messages) => Promise.resolve(void publishes.push(messages.map((m) => m.key))) }, { publishConcurrency: 1, publishLingerMs: 20 });
    const first = publish([message('call-1')]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([first, publish([message('call-2')])]);
    expect(publishes).toEqual([['call-1', 'call-2']]);
  });

  it('without a linger, sends the first call at once', async () => {
    const publishes: string[][] = [];
    const publish = coalescedKafkaPublish({ publish: (messages) => Promise.resolve(void publishes.push(messages.map((m) => m.key))) }, { publishConcurrency: 1, publishLingerMs: 0 });
    const first = publish([message('call-1')]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([first, publish([message('call-2')])]);
    expect(publishes).toEqual([['call-1'], ['call-2']]);
  });
});
