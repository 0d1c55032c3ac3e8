import type { BusMessage } from '@recado/bus';
import { coalescedKafkaPublish } from './kafka-publish';

const message = (key: string): BusMessage => ({ topic: 'recado.raw-webhooks.v1', key, value: Buffer.from(key), headers: {} });

/** Two calls 5 ms apart through a coalescer with the given linger; returns the keys of each Kafka publish. */
async function publishTwoCalls(publishLingerMs: number): Promise<string[][]> {
  const publishes: string[][] = [];
  const publish = coalescedKafkaPublish({ publish: (messages) => Promise.resolve(void publishes.push(messages.map((m) => m.key))) }, { publishConcurrency: 1, publishLingerMs });
  const first = publish([message('call-1')]);
  await new Promise((resolve) => setTimeout(resolve, 5));
  await Promise.all([first, publish([message('call-2')])]);
  return publishes;
}

describe('coalescedKafkaPublish', () => {
  it('sends calls that arrive within the linger in one publish, and settles each call with it', async () => {
    expect(await publishTwoCalls(20)).toEqual([['call-1', 'call-2']]);
  });

  it('without a linger, sends the first call at once', async () => {
    expect(await publishTwoCalls(0)).toEqual([['call-1'], ['call-2']]);
  });
});
