import { PassThrough } from 'node:stream';
import { CommandChannel } from './command-channel';

function channelWithRecordedWrites(): { channel: CommandChannel; written: string[] } {
  const input = new PassThrough({ encoding: 'utf8' });
  const written: string[] = [];
  input.on('data', (chunk: string) => written.push(chunk));
  return { channel: new CommandChannel(input), written };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('CommandChannel', () => {
  it('sends the next command only after the previous reply', async () => {
    const { channel, written } = channelWithRecordedWrites();
    const first = channel.send('down 1');
    const second = channel.send('up 1');
    await flush();
    expect(written).toEqual(['down 1\n']);

    channel.receive('ok');
    await first;
    await flush();
    expect(written).toEqual(['down 1\n', 'up 1\n']);

    channel.receive('ok');
    await expect(second).resolves.toBeUndefined();
  });

  it('rejects the command an error reply answers, and carries on', async () => {
    const { channel } = channelWithRecordedWrites();
    const failing = channel.send('frob');
    const next = channel.send('ping');
    await flush();
    channel.receive('error unknown command: frob');
    await expect(failing).rejects.toThrow("kafka-test-broker: 'frob' failed: unknown command: frob");
    await flush();
    channel.receive('ok');
    await expect(next).resolves.toBeUndefined();
  });

  it('fails the command in flight and later ones once closed', async () => {
    const { channel, written } = channelWithRecordedWrites();
    const inFlight = channel.send('ping');
    await flush();
    channel.close(new Error('broker exited'));
    await expect(inFlight).rejects.toThrow('broker exited');
    await expect(channel.send('ping')).rejects.toThrow('broker exited');
    expect(written).toEqual(['ping\n']);
  });
});
