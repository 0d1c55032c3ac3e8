import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { brokerBinaryPath } from './broker-binary';
import { readBootstrapLine, captureStderr, describeExit, formatStderr } from './broker-startup';
import { formatCommand, type CommandArgument } from './broker-protocol';
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

  // async, so an argument formatCommand refuses becomes a rejection like any other failure
  const command = async (name: string, ...args: CommandArgument[]): Promise<void> =>
    channel.send(formatCommand(name, ...args));
  return {
    bootstrapServers: bootstrapLine.split(','),
    pid: child.pid ?? 0,
    brokerDown: (brokerId) => command('down', brokerId),
    brokerUp: (brokerId) => command('up', brokerId),
    setRtt: (brokerId, ms) => command('rtt', brokerId, ms),
    pushRequestErrors: (apiKey, errorCode, count = 1) => command('error', apiKey, errorCode, count),
    clearRequestErrors: (apiKey) => command('clear', apiKey),
    createTopic: (name, partitions) => command('topic', name, partitions),
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
