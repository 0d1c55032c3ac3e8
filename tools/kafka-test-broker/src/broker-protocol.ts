/** One argument of a broker command: an integer, or a word without whitespace. */
export type CommandArgument = number | string;

export type BrokerReply = { ok: true } | { ok: false; message: string };

/** Formats one command line; throws before anything is sent if an argument would break the line protocol. */
export function formatCommand(name: string, ...args: ReadonlyArray<CommandArgument>): string {
  return [name, ...args].map(formatArgument).join(' ');
}

function formatArgument(value: CommandArgument): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`kafka-test-broker: expected an integer, got ${value}`);
    return String(value);
  }
  if (!/^\S+$/.test(value)) throw new Error(`kafka-test-broker: expected a word without whitespace, got '${value}'`);
  return value;
}

/** Parses the broker's one-line answer to a command. */
export function parseReply(line: string): BrokerReply {
  if (line === 'ok') return { ok: true };
  if (line.startsWith('error ')) return { ok: false, message: line.slice('error '.length) };
  return { ok: false, message: `unexpected reply '${line}'` };
}
