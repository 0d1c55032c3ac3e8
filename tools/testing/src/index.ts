export { assertPostgresReachable, createTestDatabase, dropStaleTestDatabases, postgresAdminUrl, withDatabase } from './postgres';
export type { TestDatabase } from './postgres';
export { KAFKA_BOOTSTRAP_ENV, kafkaTestBootstrap, uniqueName } from './kafka';
