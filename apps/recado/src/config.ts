import { join } from 'node:path';
import { envInteger, envLogLevel, loadConfig } from '@recado/service-kit';
import { z } from 'zod';

const environment = z.object({
  RECADO_DATA_DIR: z.string().min(1).default('.recado'),
  /** A real PostgreSQL instead of the embedded PGlite. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  RECADO_PORT: envInteger(8080, { max: 65_535 }),
  WEBHOOK_PORT: envInteger(8081, { max: 65_535 }),
  SANDBOX_PORT: envInteger(8090, { max: 65_535 }),
  WEBHOOK_APP_SECRET: z.string().min(8).default('sandbox-app-secret'),
  WEBHOOK_VERIFY_TOKEN: z.string().min(8).default('sandbox-verify-token'),
  LOG_LEVEL: envLogLevel,
});

export interface PlatformConfig {
  readonly dataDir: string;
  readonly pgliteDir: string;
  readonly databaseUrl: string | undefined;
  readonly opsPort: number;
  readonly webhookPort: number;
  readonly sandboxPort: number;
  readonly appSecret: string;
  readonly verifyToken: string;
  readonly logLevel: z.output<typeof envLogLevel>;
}

export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const values = loadConfig('recado', environment, env);
  return {
    dataDir: values.RECADO_DATA_DIR,
    pgliteDir: join(values.RECADO_DATA_DIR, 'pglite'),
    databaseUrl: values.DATABASE_URL,
    opsPort: values.RECADO_PORT,
    webhookPort: values.WEBHOOK_PORT,
    sandboxPort: values.SANDBOX_PORT,
    appSecret: values.WEBHOOK_APP_SECRET,
    verifyToken: values.WEBHOOK_VERIFY_TOKEN,
    logLevel: values.LOG_LEVEL,
  };
}
