import { envInteger, envList, envLogLevel, hostPort, loadConfig } from '@recado/service-kit';
import { z } from 'zod';

const META_MAX_PAYLOAD_BYTES = 3 * 1024 * 1024;

const environment = z.object({
  WEBHOOK_PORT: envInteger(8081, { max: 65_535 }),
  WEBHOOK_HOST: z.string().min(1).default('0.0.0.0'),
  WEBHOOK_PATH: z.string().regex(/^\/[\w\-/]*$/, 'must be a path such as /webhook').default('/webhook'),
  /** Every app secret whose signature is accepted: several apps, or old and new during a rotation. */
  WEBHOOK_APP_SECRETS: envList(z.string().min(8, 'an app secret has at least 8 characters')).pipe(z.array(z.string()).min(1, 'set at least one app secret')),
  WEBHOOK_VERIFY_TOKEN: z.string().min(8, 'the verify token has at least 8 characters'),
  WEBHOOK_BODY_LIMIT_BYTES: envInteger(4 * 1024 * 1024, { min: META_MAX_PAYLOAD_BYTES, max: 15 * 1024 * 1024 }),
  /** After this, the call is answered 503 (Meta retries) even if Kafka may still acknowledge later. */
  WEBHOOK_PUBLISH_TIMEOUT_MS: envInteger(15_000, { min: 100 }),
  /** Combined Kafka publishes in flight (Meta orders nothing across calls, so several may overlap; 1 measured fastest). */
  WEBHOOK_PUBLISH_CONCURRENCY: envInteger(1, { min: 1, max: 64 }),
  /** How long an idle publisher waits for more calls to join a Kafka publish: fewer, larger publishes cost less CPU per call. */
  WEBHOOK_PUBLISH_LINGER_MS: envInteger(2, { max: 100 }),
  /** Required when the service runs on its own (`main.ts`); the single-process platform passes its bus. */
  KAFKA_BROKERS: envList(hostPort).default([]),
  LOG_LEVEL: envLogLevel,
});

export interface WebhookIngestConfig {
  readonly port: number;
  readonly host: string;
  readonly path: string;
  readonly appSecrets: readonly string[];
  readonly verifyToken: string;
  readonly bodyLimitBytes: number;
  readonly publishTimeoutMs: number;
  readonly publishConcurrency: number;
  readonly publishLingerMs: number;
  readonly kafkaBrokers: readonly string[];
  readonly logLevel: z.output<typeof envLogLevel>;
}

export function loadWebhookIngestConfig(env: NodeJS.ProcessEnv = process.env): WebhookIngestConfig {
  const values = loadConfig('webhook-ingest', environment, env);
  return {
    port: values.WEBHOOK_PORT,
    host: values.WEBHOOK_HOST,
    path: values.WEBHOOK_PATH,
    appSecrets: values.WEBHOOK_APP_SECRETS,
    verifyToken: values.WEBHOOK_VERIFY_TOKEN,
    bodyLimitBytes: values.WEBHOOK_BODY_LIMIT_BYTES,
    publishTimeoutMs: values.WEBHOOK_PUBLISH_TIMEOUT_MS,
    publishConcurrency: values.WEBHOOK_PUBLISH_CONCURRENCY,
    publishLingerMs: values.WEBHOOK_PUBLISH_LINGER_MS,
    kafkaBrokers: values.KAFKA_BROKERS,
    logLevel: values.LOG_LEVEL,
  };
}
