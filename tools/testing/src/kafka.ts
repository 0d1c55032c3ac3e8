import { randomBytes } from 'node:crypto';

export const KAFKA_BOOTSTRAP_ENV = 'KAFKA_TEST_BOOTSTRAP';

/** Bootstrap servers of the run's shared Kafka test broker, started by the global set-up. */
export function kafkaTestBootstrap(): string[] {
  const value = process.env[KAFKA_BOOTSTRAP_ENV];
  if (!value) {
    throw new Error(
      `${KAFKA_BOOTSTRAP_ENV} is not set: run this suite through jest with the infrastructure preset ` +
        "(jest.preset.js withInfrastructure), whose global set-up starts the Kafka test broker.",
    );
  }
  return value.split(',');
}

/** Topic and group names unique to one test, so tests sharing a broker never meet. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}
