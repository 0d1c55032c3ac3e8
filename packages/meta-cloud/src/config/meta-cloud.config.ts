import { MetaCloudError } from '../errors/meta-cloud.error';
import { err, ok, type Result } from '../result';

/** Everything the client needs, validated once by `resolveMetaCloudConfig`. */
export interface MetaCloudConfig {
  /** e.g. `v23.0`. */
  readonly graphApiVersion: string;
  /** Origin (and optional path prefix) of the Graph API, e.g. `https://graph.facebook.com`. */
  readonly baseUrl: string;
  readonly accessToken: string;
  readonly phoneNumberId: string;
  /** WhatsApp Business Account id; needed for template management. */
  readonly wabaId: string | undefined;
  /** Keep-alive connections in the pool. */
  readonly poolSize: number;
  readonly connectTimeoutMs: number;
  /** Longest wait for the answer's headers, then for its body. */
  readonly requestTimeoutMs: number;
}

export type MetaCloudConfigInput = Pick<MetaCloudConfig, 'accessToken' | 'phoneNumberId'> &
  Partial<Omit<MetaCloudConfig, 'accessToken' | 'phoneNumberId'>>;

export const META_CLOUD_DEFAULTS = {
  graphApiVersion: 'v23.0',
  baseUrl: 'https://graph.facebook.com',
  poolSize: 16,
  connectTimeoutMs: 5_000,
  requestTimeoutMs: 15_000,
} as const;

function violationsOf(config: MetaCloudConfig): string[] {
  const violations: string[] = [];
  if (!/^v\d+\.\d+$/.test(config.graphApiVersion)) violations.push('graphApiVersion must look like v23.0');
  if (!/^https?:\/\/[^/]+/.test(config.baseUrl)) violations.push('baseUrl must be an http(s) URL');
  if (config.accessToken.trim() === '') violations.push('accessToken is required');
  if (!/^\d+$/.test(config.phoneNumberId)) violations.push('phoneNumberId must be numeric');
  if (config.wabaId !== undefined && !/^\d+$/.test(config.wabaId)) violations.push('wabaId must be numeric');
  if (!Number.isInteger(config.poolSize) || config.poolSize < 1) violations.push('poolSize must be a positive integer');
  for (const key of ['connectTimeoutMs', 'requestTimeoutMs'] as const) {
    if (!(config[key] > 0)) violations.push(`${key} must be positive`);
  }
  return violations;
}

/** Applies defaults and checks every field, naming each bad one. */
export function resolveMetaCloudConfig(input: MetaCloudConfigInput): Result<MetaCloudConfig, MetaCloudError> {
  const config: MetaCloudConfig = { ...META_CLOUD_DEFAULTS, wabaId: undefined, ...input };
  const violations = violationsOf(config);
  if (violations.length === 0) return ok({ ...config, baseUrl: config.baseUrl.replace(/\/+$/, '') });
  return err(
    new MetaCloudError({ code: 'INVALID_CONFIG', errorClass: 'PERMANENT', message: `Invalid Cloud API configuration: ${violations.join('; ')}`, violations }),
  );
}
