import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDataSource } from '@recado/persistence';

interface Running {
  readonly child: ChildProcess;
  readonly urls: { ops: string; webhook: string; sandbox: string };
}

/** `npm start`'s entry point as its own process, on free ports and a fresh data folder. */
function startPlatform(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'main.ts')], {
    cwd: join(__dirname, '..', '..', '..'),
    env: { ...process.env, NODE_OPTIONS: '', RECADO_DATA_DIR: dataDir, RECADO_PORT: '0', WEBHOOK_PORT: '0', SANDBOX_PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output = child.stdout;
  if (output === null) throw new Error('no standard output to read the addresses from');
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the platform exited with ${code} before it was running`)));
    createInterface({ input: output }).on('line', (line) => {
      const entry = JSON.parse(line) as { message?: string; ops: string; webhook: string; sandbox: string };
      if (entry.message === 'recado is running') resolve({ child, urls: { ops: entry.ops, webhook: entry.webhook, sandbox: entry.sandbox } });
    });
  });
}

const exited = (child: ChildProcess): Promise<unknown> => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)));

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('npm start: the whole platform on the embedded default (PGlite, embedded bus, sandbox)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'recado-platform-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('takes a webhook from the sandbox into the database, and keeps it across a crash', async () => {
    const first = await startPlatform(dataDir);
    let wamid = '';
    try {
      expect((await fetch(`${first.urls.ops}/readyz`)).status).toBe(200);
      await fetch(`${first.urls.sandbox}/_sandbox/users`, { method: 'POST', body: JSON.stringify({ waId: '5511987650001', name: 'Ana' }) });
      const written = await fetch(`${first.urls.sandbox}/_sandbox/users/5511987650001/messages`, { method: 'POST', body: JSON.stringify({ text: 'PARAR' }) });
      wamid = ((await written.json()) as { wamid: string }).wamid;
      await waitFor('webhook-ingest to accept the call', async () => /webhook_calls_total\{method="POST",status="200",service="recado"\} [1-9]/.test(await (await fetch(`${first.urls.ops}/metrics`)).text()));
    } finally {
      // A crash right after the 200: the event is in the embedded bus's log (PGlite) or already projected.
      first.child.kill('SIGKILL');
      await exited(first.child);
    }

    const second = await startPlatform(dataDir);
    await sleep(3_000);
    second.child.kill('SIGTERM');
    await exited(second.child);
    expect(second.child.exitCode).toBe(0);

    const dataSource = await createDataSource({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
    try {
      const inbound = (await dataSource.query(`SELECT direction, status FROM messages WHERE wamid = $1`, [wamid])) as { direction: string; status: string }[];
      expect(inbound).toEqual([{ direction: 'INBOUND', status: 'RECEIVED' }]);
      const consent = (await dataSource.query(
        `SELECT cc.status FROM current_consents cc JOIN contacts c ON c.id = cc.contact_id WHERE c.wa_id = '5511987650001' AND cc.category = 'MARKETING'`,
      )) as { status: string }[];
      expect(consent).toEqual([{ status: 'OPTED_OUT' }]);
    } finally {
      await dataSource.destroy();
    }
  }, 120_000);
});
