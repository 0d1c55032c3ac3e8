import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Interface } from 'node:readline';

const stderrLimit = 16_384;

/**
 * Resolves with the first line the child prints. Kills the child and rejects, quoting its
 * stderr, if it exits, cannot be spawned, or stays silent for `timeoutMs`.
 */
export function readBootstrapLine(
  child: ChildProcessWithoutNullStreams,
  lines: Interface,
  timeoutMs: number,
  stderr: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (reason: string): void => {
      cleanUp();
      child.kill('SIGKILL');
      reject(new Error(`kafka-test-broker did not start: ${reason}${formatStderr(stderr())}`));
    };
    const onLine = (line: string): void => {
      cleanUp();
      resolve(line);
    };
    // 'close' rather than 'exit': by then all of stderr has been read.
    const onClose = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(`it exited (${describeExit(code, signal)}) before printing its bootstrap servers`);
    const onError = (error: Error): void => fail(error.message);
    const timer = setTimeout(() => fail(`no bootstrap line within ${timeoutMs} ms`), timeoutMs);
    const cleanUp = (): void => {
      clearTimeout(timer);
      lines.off('line', onLine);
      child.off('close', onClose);
      child.off('error', onError);
    };
    lines.once('line', onLine);
    child.once('close', onClose);
    child.once('error', onError);
  });
}

/** Keeps the last 16 KiB the child wrote to stderr. */
export function captureStderr(child: ChildProcessWithoutNullStreams): () => string {
  let text = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    text = (text + chunk).slice(-stderrLimit);
  });
  return () => text;
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal === null ? `exit code ${code ?? 'unknown'}` : `signal ${signal}`;
}

export function formatStderr(text: string): string {
  return text.trim() === '' ? '' : `\nstderr:\n${text.trimEnd()}`;
}
