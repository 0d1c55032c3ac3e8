import { formatCommand, parseReply, type BrokerReply, type CommandArgument } from './broker-protocol';

describe('formatCommand', () => {
  it.each<[string, CommandArgument[], string]>([
    ['ping', [], 'ping'],
    ['down', [2], 'down 2'],
    ['rtt', [-1, 250], 'rtt -1 250'],
    ['topic', ['orders.v1', 8], 'topic orders.v1 8'],
  ])('%s %j → %s', (name, args, expected) => {
    expect(formatCommand(name, ...args)).toBe(expected);
  });

  it.each<[CommandArgument]>([[1.5], [Number.NaN], [Infinity], [''], ['two words'], ['line\nbreak']])(
    'rejects the argument %j',
    (argument) => {
      expect(() => formatCommand('topic', argument, 1)).toThrow(/kafka-test-broker: expected/);
    },
  );
});

describe('parseReply', () => {
  it.each<[string, BrokerReply]>([
    ['ok', { ok: true }],
    ['error unknown command: frob', { ok: false, message: 'unknown command: frob' }],
    ['error Broker: Broker not available', { ok: false, message: 'Broker: Broker not available' }],
    ['okay', { ok: false, message: "unexpected reply 'okay'" }],
    ['', { ok: false, message: "unexpected reply ''" }],
  ])('%j', (line, expected) => {
    expect(parseReply(line)).toEqual(expected);
  });
});
