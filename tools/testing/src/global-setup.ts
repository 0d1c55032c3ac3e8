import { startKafkaTestBroker, type KafkaTestBroker } from '@recado/kafka-test-broker';
import { KAFKA_BOOTSTRAP_ENV } from './kafka';
import { assertPostgresReachable, dropStaleTestDatabases } from './postgres';

interface Infrastructure {
  broker: KafkaTestBroker;
}

const holder = globalThis as { __recadoInfrastructure?: Infrastructure };

/**
 * Runs in jest's parent process before any suite: every project of a run shares one
 * PostgreSQL check and one broker, so a repeated call (one per project) is a no-op.
 * Failing here fails the whole run loudly; nothing is ever skipped.
 */
export default async function globalSetup(): Promise<void> {
  if (holder.__recadoInfrastructure) return;
  await assertPostgresReachable();
  await dropStaleTestDatabases();
  const broker = await startKafkaTestBroker({ brokers: 3 });
  process.env[KAFKA_BOOTSTRAP_ENV] = broker.bootstrapServers.join(',');
  holder.__recadoInfrastructure = { broker };
}

export async function stopInfrastructure(): Promise<void> {
  const infrastructure = holder.__recadoInfrastructure;
  delete holder.__recadoInfrastructure;
  await infrastructure?.broker.stop();
}
