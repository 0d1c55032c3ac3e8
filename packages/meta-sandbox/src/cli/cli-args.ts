/** What the sandbox CLI was asked to do. */
export type CliCommand =
  | { readonly kind: 'start'; readonly port: number; readonly webhookUrl: string | undefined; readonly appSecret: string | undefined; readonly token: string | undefined }
  | { readonly kind: 'control'; readonly method: 'GET' | 'POST'; readonly path: string; readonly body: Record<string, unknown> | undefined }
  | { readonly kind: 'usage'; readonly error: string | undefined };

export const USAGE = `meta-sandbox <command> [--url http://127.0.0.1:4010]
  start [--port 4010] [--webhook-url URL] [--app-secret S] [--token T]
  user <waId> [--name N]            register a simulated user
  say <waId> <text> [--referral]    the user writes (opens the 24 h window)
  tap <waId> <payload> <label>      the user taps a quick-reply button
  stop-marketing <waId> | resume-marketing <waId>
  inspect                           counters per recipient and callback data`;

function split(argv: readonly string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) positional.push(arg);
    else if (argv[i + 1] !== undefined && !(argv[i + 1] ?? '').startsWith('--')) flags.set(arg.slice(2), argv[(i += 1)] ?? '');
    else flags.set(arg.slice(2), true);
  }
  return { positional, flags };
}

const text = (value: string | true | undefined) => (typeof value === 'string' ? value : undefined);

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const { positional, flags } = split(argv);
  const [command, waId, a, b] = positional;
  const needs = (n: number) => positional.length >= n;
  const post = (path: string, body?: Record<string, unknown>): CliCommand => ({ kind: 'control', method: 'POST', path, body });
  switch (command) {
    case 'start':
      return { kind: 'start', port: Number(text(flags.get('port')) ?? 4010), webhookUrl: text(flags.get('webhook-url')), appSecret: text(flags.get('app-secret')), token: text(flags.get('token')) };
    case 'user':
      return needs(2) ? post('users', { waId, ...(text(flags.get('name')) ? { name: text(flags.get('name')) } : {}) }) : { kind: 'usage', error: 'user needs a waId' };
    case 'say':
      return needs(3) ? post(`users/${waId ?? ''}/messages`, { text: a, referral: flags.get('referral') === true }) : { kind: 'usage', error: 'say needs a waId and a text' };
    case 'tap':
      return needs(4) ? post(`users/${waId ?? ''}/messages`, { button: { payload: a, text: b } }) : { kind: 'usage', error: 'tap needs a waId, a payload and a label' };
    case 'stop-marketing':
    case 'resume-marketing':
      return needs(2) ? post(`users/${waId ?? ''}/preferences`, { value: command === 'stop-marketing' ? 'stop' : 'resume' }) : { kind: 'usage', error: `${command} needs a waId` };
    case 'inspect':
      return { kind: 'control', method: 'GET', path: 'inspect', body: undefined };
    case undefined:
      return { kind: 'usage', error: undefined };
    default:
      return { kind: 'usage', error: `unknown command ${command}` };
  }
}

export function controlUrl(argv: readonly string[]): string {
  return text(split(argv).flags.get('url')) ?? 'http://127.0.0.1:4010';
}
