import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const packageRoot = path.resolve(__dirname, '..');
const sourcePath = path.join(packageRoot, 'src', 'kafka-test-broker.c');
const binaryPath = path.join(packageRoot, 'bin', 'kafka-test-broker');
// The smallest program that needs librdkafka-dev's mock header and library.
const librdkafkaProbe =
  '#include <librdkafka/rdkafka.h>\n#include <librdkafka/rdkafka_mock.h>\n' +
  'int main(void) { return rd_kafka_mock_cluster_new(0, 0) != 0; }\n';

/**
 * Path of the broker executable, compiled first (with `cc` against librdkafka-dev) when it
 * is missing or older than its C source. Throws an Error naming the missing piece if it cannot.
 */
export function brokerBinaryPath(): string {
  if (!isUpToDate()) buildBrokerBinary('cc');
  return binaryPath;
}

/** Compiles the broker with `compiler`; exported for tests of its diagnostics. */
export function buildBrokerBinary(compiler: string): void {
  mkdirSync(path.dirname(binaryPath), { recursive: true });
  // Parallel jest workers may build at once: each writes its own file, the rename is atomic.
  const temporaryPath = `${binaryPath}.${process.pid}.tmp`;
  const result = spawnSync(
    compiler,
    ['-O2', '-Wall', '-Wextra', '-o', temporaryPath, sourcePath, '-lrdkafka'],
    { encoding: 'utf8' },
  );
  if (result.error !== undefined) {
    throw new Error(
      `Cannot build the Kafka test broker: C compiler '${compiler}' did not run (${result.error.message}). ` +
        'Install one (Debian: apt-get install gcc).',
    );
  }
  if (result.status !== 0) {
    rmSync(temporaryPath, { force: true });
    const hint = canUseLibrdkafka(compiler)
      ? `'${compiler}' failed`
      : 'librdkafka-dev is missing: <librdkafka/rdkafka_mock.h> or -lrdkafka not found (Debian: apt-get install librdkafka-dev)';
    throw new Error(`Cannot build the Kafka test broker: ${hint}.\n${result.stderr}`);
  }
  renameSync(temporaryPath, binaryPath);
}

function isUpToDate(): boolean {
  const binary = statSync(binaryPath, { throwIfNoEntry: false });
  const source = statSync(sourcePath, { throwIfNoEntry: false });
  if (binary === undefined) return false;
  return source === undefined || binary.mtimeMs >= source.mtimeMs;
}

function canUseLibrdkafka(compiler: string): boolean {
  const probe = spawnSync(compiler, ['-x', 'c', '-', '-o', '/dev/null', '-lrdkafka'], {
    input: librdkafkaProbe,
    encoding: 'utf8',
  });
  return probe.status === 0;
}
