import { fork, type ChildProcess } from 'node:child_process';
import { BENCH_TEMPLATE, BENCH_USERS, benchUser, type BenchTarget } from './bench-server';
import { runLoad, type LoadResult } from './load-generator';

const PHONE_NUMBER_ID = '106540352242922';

function body(i: number): string {
  return JSON.stringify({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: benchUser(i % BENCH_USERS),
    type: 'template',
    template: { name: BENCH_TEMPLATE, language: { policy: 'deterministic', code: 'pt_BR' }, components: [{ type: 'body', parameters: [{ type: 'text', text: `order ${i}` }] }] },
    biz_opaque_callback_data: `bench-${i}`,
  });
}

async function measure(target: BenchTarget): Promise<LoadResult> {
  const child: ChildProcess = fork(`${__dirname}/bench-server.ts`, [target], { execArgv: ['-r', '@swc-node/register'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (message) => resolve((message as { url: string }).url));
      child.once('exit', (code) => reject(new Error(`${target} server exited with ${code}`)));
    });
    return await runLoad({ url, path: `/v23.0/${PHONE_NUMBER_ID}/messages`, body, connections: 64, inFlight: 256, warmupMs: 2_000, measureMs: 8_000 });
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  const baseline = await measure('baseline');
  const sandbox = await measure('sandbox');
  console.log(`baseline: ${JSON.stringify(baseline)}`);
  console.log(`sandbox:  ${JSON.stringify(sandbox)}`);
  const ratio = (sandbox.perSecond / baseline.perSecond).toFixed(2);
  const date = new Date().toISOString().slice(0, 10);
  console.log('| component | metric | value | baseline | ratio | date |');
  console.log(`| meta-sandbox | sends/s | ${sandbox.perSecond} | ${baseline.perSecond} | ${ratio} | ${date} |`);
  if (sandbox.failed > 0) process.exitCode = 1;
}

main().catch((cause: unknown) => {
  console.error(cause);
  process.exitCode = 1;
});
