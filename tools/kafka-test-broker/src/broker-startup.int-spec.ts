import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { captureStderr, readBootstrapLine } from './broker-startup';

/** Stands in for a broker binary: a shell script. */
function startScript(script: string, timeoutMs: number): { child: ChildProcessWithoutNullStreams; line: Promise<string> } {
  const child = spawn('sh', ['-c', script], { stdio: 'pipe' });
  const line = readBootstrapLine(child, createInterface({ input: child.stdout }), timeoutMs, captureStderr(child));
  return { child, line };
}

describe('readBootstrapLine', () => {
  it('resolves with the first line', async () => {
    const { child, line } = startScript('echo 127.0.0.1:1,127.0.0.1:2; sleep 5', 5_000);
    await expect(line).resolves.toBe('127.0.0.1:1,127.0.0.1:2');
    child.kill();
  });

  it('kills a child that stays silent, quoting its stderr', async () => {
    const { child, line } = startScript('echo "still warming up" >&2; sleep 5', 300);
    const exit = once(child, 'exit');

    await expect(line).rejects.toThrow(
      'kafka-test-broker did not start: no bootstrap line within 300 ms\nstderr:\nstill warming up',
    );
    expect(await exit).toEqual([null, 'SIGKILL']);
  });

  it('rejects when the child exits first', async () => {
    const { line } = startScript('echo "bad flag" >&2; exit 3', 5_000);
    await expect(line).rejects.toThrow(/it exited \(exit code 3\) before printing its bootstrap servers\nstderr:\nbad flag/);
  });

  it('rejects when the program cannot be spawned', async () => {
    const child = spawn('/nonexistent/kafka-test-broker', [], { stdio: 'pipe' });
    const line = readBootstrapLine(child, createInterface({ input: child.stdout }), 5_000, captureStderr(child));
    await expect(line).rejects.toThrow(/kafka-test-broker did not start: spawn \/nonexistent\/kafka-test-broker ENOENT/);
  });
});
