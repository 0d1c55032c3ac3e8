import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Compiled bench children (`npm run bench` builds first): a TypeScript loader would add its own CPU and memory. */
export const DIST_BENCH = join(__dirname, '..', '..', 'dist', 'bench');
export const DIST_MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

/** Milliseconds since the epoch with sub-millisecond precision, comparable between processes of one machine. */
export const wallClockMs = (): number => performance.timeOrigin + performance.now();

/** A request/answer over a forked child's IPC channel: `{ id, type, ...}` in, `{ id, ... }` back. */
export interface IpcChild {
  readonly child: ChildProcess;
  readonly ready: Record<string, unknown>;
  ask<T>(type: string, payload?: Record<string, unknown>): Promise<T>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export async function forkChild(script: string, env: NodeJS.ProcessEnv, execArgv: string[] = []): Promise<IpcChild> {
  const child = fork(join(DIST_BENCH, script), [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (answer: unknown) => void>();
  let next = 0;
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Record<string, unknown>));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  child.on('message', (message) => {
    const { id } = message as { id?: number };
    if (id === undefined) return;
    waiting.get(id)?.(message);
    waiting.delete(id);
  });
  return {
    child,
    ready,
    ask: <T>(type: string, payload: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = ++next;
        waiting.set(id, (answer) => resolve(answer as T));
        child.send({ id, type, ...payload }, (error) => {
          if (error) reject(error);
        });
      }),
    stop: () => stopChild(child),
  };
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return exited.finally(() => clearTimeout(killer));
}

/** Answers the parent's questions in a child: `handlers[type](message)`. */
export function answerParent(handlers: Record<string, (message: Record<string, unknown>) => unknown>): void {
  // The bench is gone (crashed or interrupted): leave no orphan behind.
  process.once('disconnect', () => process.exit(0));
  process.on('message', (raw) => {
    const message = raw as Record<string, unknown> & { id: number; type: string };
    const handler = handlers[message.type];
    const answer = handler === undefined ? { error: `unknown request ${message.type}` } : handler(message);
    void Promise.resolve(answer).then((value) => process.send?.({ id: message.id, ...(value as object) }));
  });
}

/** Peak resident set size (VmHWM) of a process, in bytes. */
export function peakRssBytes(pid: number | 'self'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmHWM:'));
  return Number(line?.replace(/\D/g, '') ?? 0) * 1024;
}

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far (0 if it is gone). */
export function cpuSeconds(pid: number | 'self'): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of proc(5) (utime, stime), counted after the command name.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The machine's load averages (1, 5, 15 min). */
export const loadAverage = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Every process whose command is `postgres` (all databases: other work shows up here too). */
export function postgresPids(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
    } catch {
      return false;
    }
  });
}
