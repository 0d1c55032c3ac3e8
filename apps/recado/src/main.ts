import { ConfigError, createLogger, stopOnSignals } from '@recado/service-kit';
import { loadPlatformConfig } from './config';
import { DEMO_TENANT } from './demo-tenant';
import { startPlatform } from './platform';

async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const logger = createLogger({ service: 'recado', level: config.logLevel });
  const platform = await startPlatform(config, logger);
  logger.info('recado is running', {
    ...platform.urls,
    database: config.databaseUrl === undefined ? `PGlite in ${config.pgliteDir}` : 'DATABASE_URL',
    tenant: DEMO_TENANT,
  });
  stopOnSignals(logger, () => platform.stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
