import { Pool } from 'undici';
import type { MetaCloudConfig } from '../config/meta-cloud.config';
import type { MetaCloudError } from '../errors/meta-cloud.error';
import { toMetaCloudError, transportError } from '../errors/to-meta-cloud-error';
import { err, ok, type Result } from '../result';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface GraphRequest {
  readonly method: HttpMethod;
  /** Below the version, e.g. `/106540352242922/messages`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
}

/** Keep-alive HTTP to the Graph API; answers are JSON values or `MetaCloudError`s. */
export interface GraphTransport {
  request(request: GraphRequest): Promise<Result<unknown, MetaCloudError>>;
  close(): Promise<void>;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function isTimeout(cause: unknown): boolean {
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' && TIMEOUT_CODES.has(code);
}

function queryString(query: GraphRequest['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

export function createGraphTransport(config: MetaCloudConfig, now: () => Date = () => new Date()): GraphTransport {
  const base = new URL(config.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const pool = new Pool(base.origin, {
    connections: config.poolSize,
    connectTimeout: config.connectTimeoutMs,
    headersTimeout: config.requestTimeoutMs,
    bodyTimeout: config.requestTimeoutMs,
  });
  const headers = { authorization: `Bearer ${config.accessToken}`, 'content-type': 'application/json' };
  return {
    async request(request) {
      // undici's own timers are coarse (about a second); the signal keeps short timeouts exact.
      const signal = AbortSignal.timeout(config.requestTimeoutMs);
      try {
        const answer = await pool.request({
          signal,
          method: request.method,
          path: `${prefix}/${config.graphApiVersion}${request.path}${queryString(request.query)}`,
          headers,
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        });
        const body = parseJson(await answer.body.text());
        if (answer.statusCode >= 200 && answer.statusCode < 300) return ok(body);
        return err(toMetaCloudError({ status: answer.statusCode, headers: answer.headers, body }, now()));
      } catch (cause) {
        return err(transportError(cause, signal.aborted || isTimeout(cause)));
      }
    },
    close: () => pool.close(),
  };
}
