import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The dispatcher as its own process (`src/main.ts`), so a test can SIGKILL it. */
export function spawnDispatcher(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '..', 'main.ts')], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

export const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
