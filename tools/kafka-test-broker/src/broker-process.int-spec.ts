import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { brokerBinaryPath, buildBrokerBinary } from './broker-binary';
import { startKafkaTestBroker, type KafkaTestBrokerOptions } from './kafka-test-broker';
import { isProcessAlive, waitFor } from './int-spec-support';

/** Spawns the binary directly and resolves once it printed its bootstrap line. */
async function spawnReadyBroker(): Promise<ChildProcess & { pid: number }> {
  const child = spawn(brokerBinaryPath(), ['--brokers', '1'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  expect(line).toMatch(/^127\.0\.0\.1:\d+$/);
  if (child.pid === undefined) throw new Error('no pid');
  return child as ChildProcess & { pid: number };
}

async function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal };
}

describe('the broker process', () => {
  it('exits on stop() and leaves no process behind', async () => {
    const broker = await startKafkaTestBroker({ brokers: 1 });
    expect(isProcessAlive(broker.pid)).toBe(true);

    await broker.stop();

    expect(isProcessAlive(broker.pid)).toBe(false);
    await expect(broker.stop()).resolves.toBeUndefined();
    await expect(broker.sendCommand('ping')).rejects.toThrow(/kafka-test-broker has exited/);
  });

  it.each<NodeJS.Signals>(['SIGTERM', 'SIGINT'])('exits with code 0 on %s', async (signal) => {
    const child = await spawnReadyBroker();
    child.kill(signal);
    expect(await exitOf(child)).toEqual({ code: 0, signal: null });
  });

  it('exits with code 0 when its stdin closes', async () => {
    const child = await spawnReadyBroker();
    child.stdin?.end();
    expect(await exitOf(child)).toEqual({ code: 0, signal: null });
    expect(isProcessAlive(child.pid)).toBe(false);
  });

  it('does not outlive a parent that is killed', async () => {
    const parentScript = `
      const broker = require('node:child_process').spawn(process.argv[1], [], { stdio: ['pipe', 'pipe', 'inherit'] });
      broker.stdout.once('data', () => console.log(broker.pid));
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentScript, brokerBinaryPath()], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [pidLine] = (await once(createInterface({ input: parent.stdout }), 'line')) as [string];
    const brokerPid = Number(pidLine);
    expect(isProcessAlive(brokerPid)).toBe(true);

    parent.kill('SIGKILL');

    await waitFor(() => !isProcessAlive(brokerPid), `orphaned broker ${brokerPid} to exit`, { timeoutMs: 3_000 });
  });

  it.each<[string, KafkaTestBrokerOptions, RegExp]>([
    ['an invalid broker count', { brokers: 0 }, /invalid --brokers '0': expected 1\.\.64/],
    ['an invalid topic', { topics: [{ name: 'orders', partitions: 0 }] }, /invalid --topic 'orders:0'/],
  ])('fails to start loudly, with its stderr, on %s', async (_case, options, stderrMessage) => {
    const start = startKafkaTestBroker(options);
    await expect(start).rejects.toThrow(/kafka-test-broker did not start: it exited \(exit code 2\)/);
    await expect(start).rejects.toThrow(stderrMessage);
  });
});

describe('the broker binary', () => {
  it('is rebuilt when older than its C source', () => {
    const binary = brokerBinaryPath();
    utimesSync(binary, new Date(0), new Date(0));

    expect(brokerBinaryPath()).toBe(binary);

    const rebuilt = statSync(binary);
    expect(rebuilt.mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    expect(rebuilt.mode & 0o111).not.toBe(0);
  });

  it('names the C compiler when there is none', () => {
    expect(() => buildBrokerBinary('no-such-cc')).toThrow(/C compiler 'no-such-cc' did not run/);
  });

  it('names librdkafka-dev when the compiler cannot find it', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'kafka-test-broker-'));
    const failingCompiler = path.join(directory, 'cc');
    writeFileSync(failingCompiler, '#!/bin/sh\necho "fatal error: librdkafka/rdkafka.h" >&2\nexit 1\n');
    chmodSync(failingCompiler, 0o755);
    try {
      expect(() => buildBrokerBinary(failingCompiler)).toThrow(/librdkafka-dev is missing/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
