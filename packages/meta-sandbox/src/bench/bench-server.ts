import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMetaSandbox } from '../start-meta-sandbox';

export type BenchTarget = 'sandbox' | 'baseline';

export const BENCH_USERS = 1_000;
export const BENCH_TEMPLATE = 'bench_update';

const FIXED_ANSWER = JSON.stringify({
  messaging_product: 'whatsapp',
  contacts: [{ input: '5511900000000', wa_id: '5511900000000' }],
  messages: [{ id: 'wamid.HBgLNTUxMTk4NzY1NDMyMRUCABEYEjA=', message_status: 'accepted' }],
});

/** The floor: node:http reading the body and answering a fixed JSON body. */
async function startBaseline(): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(FIXED_ANSWER) });
      response.end(FIXED_ANSWER);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The sandbox with its checks on (validation, users, templates) and webhooks off. */
async function startSandbox(): Promise<string> {
  const sandbox = await startMetaSandbox({ throughputPerSecond: Number.POSITIVE_INFINITY, pairRatePerSecond: Number.POSITIVE_INFINITY, pairBurst: Number.POSITIVE_INFINITY });
  for (let i = 0; i < BENCH_USERS; i += 1) sandbox.control.registerUser({ waId: benchUser(i) });
  sandbox.control.addTemplate({ name: BENCH_TEMPLATE, language: 'pt_BR', category: 'UTILITY' });
  return sandbox.url;
}

export const benchUser = (i: number) => String(5511900000000 + i);

// Run as a child process so that the server has a core of its own.
if (require.main === module) {
  const target = process.argv[2] as BenchTarget;
  // A clean exit lets --cpu-prof write its profile.
  process.on('SIGINT', () => process.exit(0));
  (target === 'sandbox' ? startSandbox() : startBaseline()).then(
    (url) => process.send?.({ url }),
    (cause: unknown) => {
      console.error(cause);
      process.exit(1);
    },
  );
}
