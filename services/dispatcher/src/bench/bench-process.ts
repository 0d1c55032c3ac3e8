import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Compiled bench children (`npm run bench` builds first): a TypeScript loader would add its own CPU and memory. */
export const DIST_BENCH = join(__dirname, '..', '..', 'dist', 'bench');
export const DIST_MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

/** Milliseconds since the epoch with sub-millisecond precision, comparable between processes of one machine. */
export const wallClockMs = (): number => performance.timeOrigin + performance.now();

/** Requests and answers over a child's IPC channel: `{ id, type, ...}` out, `{ id, ... }` back. */
export interface IpcChannel {
  readonly child: ChildProcess;
  ask<T>(type: string, payload?: Record<string, unknown>): Promise<T>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export interface IpcChild extends IpcChannel {
  /** The child's first message. */
  readonly ready: Record<string, unknown>;
}

export function ipcChannel(child: ChildProcess): IpcChannel {
  const waiting = new Map<number, (answer: unknown) => void>();
  let next = 0;
  child.on('message', (message) => {
    const { id } = message as { id?: number };
    if (id === undefined) return;
    waiting.get(id)?.(message);
    waiting.delete(id);
  });
  return {
    child,
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

export async function forkChild(script: string, env: NodeJS.ProcessEnv, execArgv: string[] = []): Promise<IpcChild> {
  const child = fork(join(DIST_BENCH, script), [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Record<string, unknown>));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  return { ...ipcChannel(child), ready };
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return exited.finally(() => clearTimeout(killer));
}

type Handler = (message: Record<string, unknown>) => unknown;
const handlers = new Map<string, Handler>();

/** Answers the parent's questions in a child: `handlers[type](message)`; modules of one process may each add theirs. */
export function answerParent(added: Record<string, Handler>): void {
  if (handlers.size === 0) {
    // The bench is gone (crashed or interrupted): leave no orphan behind.
    process.once('disconnect', () => process.exit(0));
    process.on('message', (raw) => {
      const message = raw as Record<string, unknown> & { id: number; type: string };
      const handler = handlers.get(message.type);
      const answer = handler === undefined ? { error: `unknown request ${message.type}` } : handler(message);
      void Promise.resolve(answer).then((value) => process.send?.({ id: message.id, ...(value as object) }));
    });
  }
  for (const [type, handler] of Object.entries(added)) handlers.set(type, handler);
}

/** Peak resident set size (VmHWM) of a process, in bytes. */
export function peakRssBytes(pid: number | 'self'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmHWM:'));
  return Number(line?.replace(/\D/g, '') ?? 0) * 1024;
}

/** Current resident set size (VmRSS) of a process, in bytes (0 if it is gone). */
export function rssBytes(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
    return Number(line?.replace(/\D/g, '') ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every `intervalMs` until `stop()`, which returns the highest sample. */
export function sampleRss(pid: number, intervalMs = 100): { stop(): number } {
  let highest = rssBytes(pid);
  const timer = setInterval(() => {
    highest = Math.max(highest, rssBytes(pid));
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(highest, rssBytes(pid));
    },
  };
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
