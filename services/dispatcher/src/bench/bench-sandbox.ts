import http, { type IncomingMessage, type RequestListener } from 'node:http';
import { SAMPLE_ORDER_UPDATE } from '@recado/domain';
import { startMetaSandbox } from '@recado/meta-sandbox';
import { answerParent, peakRssBytes, wallClockMs } from './bench-process';

// The Meta sandbox in a process of its own, noting when each call arrives (per `biz_opaque_callback_data`).

const MARK = '"biz_opaque_callback_data":"';

interface Arrivals {
  readonly ids: string[];
  readonly times: number[];
}

const arrivals = new Map<string, Arrivals>();

/** Commands are named `<run>-<n>`: arrivals are kept per run. */
const runOf = (callbackId: string): string => callbackId.slice(0, Math.max(0, callbackId.indexOf('-')));

function note(callbackId: string, at: number): void {
  const run = runOf(callbackId);
  let list = arrivals.get(run);
  if (list === undefined) {
    list = { ids: [], times: [] };
    arrivals.set(run, list);
  }
  list.ids.push(callbackId);
  list.times.push(at);
}

/** The arrival is taken when the request's head is parsed, before the sandbox reads the body. */
function observe(request: IncomingMessage): void {
  const at = wallClockMs();
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('latin1');
    const start = body.indexOf(MARK);
    if (start < 0) return;
    const from = start + MARK.length;
    note(body.slice(from, body.indexOf('"', from)), at);
  });
}

// The sandbox creates its server with node:http's createServer; wrapping it here adds no hop.
const createServer = http.createServer.bind(http) as (listener: RequestListener) => http.Server;
Object.defineProperty(http, 'createServer', {
  configurable: true,
  writable: true,
  value: (listener: RequestListener) => createServer((request, response) => {
    observe(request);
    listener(request, response);
  }),
});

async function main(): Promise<void> {
  const sandbox = await startMetaSandbox({
    port: 0,
    accessToken: undefined,
    throughputPerSecond: Number.POSITIVE_INFINITY,
    pairRatePerSecond: Number.POSITIVE_INFINITY,
    pairBurst: Number.POSITIVE_INFINITY,
    autoRegisterUsers: true,
    validateRequests: process.env['BENCH_VALIDATE'] === '1',
  });
  sandbox.control.addTemplate({ name: SAMPLE_ORDER_UPDATE.name, language: SAMPLE_ORDER_UPDATE.language, category: SAMPLE_ORDER_UPDATE.category, components: SAMPLE_ORDER_UPDATE.components as never });

  answerParent({
    count: ({ run }) => {
      const list = arrivals.get(String(run));
      return { arrived: list?.ids.length ?? 0, first: list?.times[0] ?? null, last: list?.times[list.times.length - 1] ?? null };
    },
    arrivals: ({ run }) => arrivals.get(String(run)) ?? { ids: [], times: [] },
    verify: ({ run }) => {
      const inspection = sandbox.control.inspect();
      const prefix = `${String(run)}-`;
      let distinct = 0;
      let total = 0;
      let maxPerId = 0;
      for (const [id, count] of Object.entries(inspection.acceptedByCallbackData)) {
        if (!id.startsWith(prefix)) continue;
        distinct += 1;
        total += count;
        maxPerId = Math.max(maxPerId, count);
      }
      return { distinct, total, maxPerId, rejected: inspection.rejected, rejectedByCode: inspection.rejectedByCode };
    },
    rss: () => ({ peakRssBytes: peakRssBytes('self') }),
  });
  // A clean exit lets --cpu-prof write its profile.
  process.once('SIGTERM', () => void sandbox.stop().finally(() => process.exit(0)));
  process.send?.({ url: sandbox.url });
}

main().catch((cause: unknown) => {
  console.error(cause);
  process.exit(1);
});
