import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { brokerBinaryPath } from './broker-binary';
import { formatCommand } from './broker-protocol';
import { CommandChannel } from './command-channel';

export interface KafkaTestBrokerOptions {
  /** Number of brokers, ids 1..brokers (default 3). */
  brokers?: number;
  /** Topics created before the broker reports ready. */
  topics?: ReadonlyArray<{ name: string; partitions: number }>;
  /** How long to wait for the bootstrap line (default 10,000 ms). */
  startTimeoutMs?: number;
}

export interface KafkaTestBroker {
  /** `['127.0.0.1:port', ...]`, one per broker. */
  readonly bootstrapServers: string[];
  readonly pid: number;
  /** Disconnects the broker and refuses connections; its partitions keep it as leader. */
  brokerDown(brokerId: number): Promise<void>;
  brokerUp(brokerId: number): Promise<void>;
  /** Delays every response of the broker (-1: all brokers) by `ms`. */
  setRtt(brokerId: number, ms: number): Promise<void>;
  /** Makes the next `count` requests of `apiKey` (Produce 0, Fetch 1, ...) fail with Kafka `errorCode`. */
  pushRequestErrors(apiKey: number, errorCode: number, count?: number): Promise<void>;
  clearRequestErrors(apiKey: number): Promise<void>;
  createTopic(name: string, partitions: number): Promise<void>;
  /** Sends one raw protocol line (see README.md); rejects on an `error` reply. */
  sendCommand(line: string): Promise<void>;
  /** SIGTERM, then SIGKILL if the process has not exited after a few seconds. */
  stop(): Promise<void>;
}

const defaultStartTimeoutMs = 10_000;
const killAfterMs = 3_000;
const stderrLimit = 16_384;

/** Starts a mock Kafka cluster in a child process; resolves once it accepts connections. */
export async function startKafkaTestBroker(options: KafkaTestBrokerOptions = {}): Promise<KafkaTestBroker> {
  const child = spawn(brokerBinaryPath(), brokerArguments(options), { stdio: 'pipe' });
  const exited = killWithThisProcess(child);
  const stderr = captureStderr(child);
  // Writes racing the broker's exit fail with EPIPE; the exit itself is what callers see.
  child.stdin.on('error', () => undefined);

  const lines = createInterface({ input: child.stdout });
  const bootstrapLine = await readBootstrapLine(child, lines, options.startTimeoutMs ?? defaultStartTimeoutMs, stderr);

  const channel = new CommandChannel(child.stdin);
  lines.on('line', (line) => channel.receive(line));
  child.once('close', (code, signal) => {
    channel.close(new Error(`kafka-test-broker has exited (${describeExit(code, signal)})${formatStderr(stderr())}`));
  });

  return {
    bootstrapServers: bootstrapLine.split(','),
    pid: child.pid ?? 0,
    brokerDown: (brokerId) => channel.send(formatCommand('down', brokerId)),
    brokerUp: (brokerId) => channel.send(formatCommand('up', brokerId)),
    setRtt: (brokerId, ms) => channel.send(formatCommand('rtt', brokerId, ms)),
    pushRequestErrors: (apiKey, errorCode, count = 1) =>
      channel.send(formatCommand('error', apiKey, errorCode, count)),
    clearRequestErrors: (apiKey) => channel.send(formatCommand('clear', apiKey)),
    createTopic: (name, partitions) => channel.send(formatCommand('topic', name, partitions)),
    sendCommand: (line) => channel.send(line),
    stop: () => terminate(child, exited),
  };
}

/** Resolves when the child exits; kills it if this process exits first. */
function killWithThisProcess(child: ChildProcessWithoutNullStreams): Promise<void> {
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', kill);
  return new Promise((resolve) => {
    child.once('exit', () => {
      process.off('exit', kill);
      resolve();
    });
  });
}

async function terminate(child: ChildProcessWithoutNullStreams, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  await exited;
  clearTimeout(timer);
}

function brokerArguments(options: KafkaTestBrokerOptions): string[] {
  const topics = (options.topics ?? []).flatMap((topic) => ['--topic', `${topic.name}:${topic.partitions}`]);
  return ['--brokers', String(options.brokers ?? 3), ...topics];
}

function readBootstrapLine(
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

function captureStderr(child: ChildProcessWithoutNullStreams): () => string {
  let text = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    text = (text + chunk).slice(-stderrLimit);
  });
  return () => text;
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal === null ? `exit code ${code ?? 'unknown'}` : `signal ${signal}`;
}

function formatStderr(text: string): string {
  return text.trim() === '' ? '' : `\nstderr:\n${text.trimEnd()}`;
}
