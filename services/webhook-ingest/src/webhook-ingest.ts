import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Publish } from '@recado/bus';
import { createMetricsRegistry, serveOperationalRoute, type Logger } from '@recado/service-kit';
import type { Registry } from 'prom-client';
import { reject, type Answer } from './http/answer';
import { answerVerification } from './verification';
import { createWebhookMetrics, type WebhookMetrics } from './webhook-metrics';
import { answerWebhookPost, type WebhookPostSettings } from './webhook-post';

export interface WebhookIngestOptions {
  readonly settings: WebhookPostSettings & { readonly path: string; readonly verifyToken: string };
  /** Resolves once Kafka has acknowledged every message (see `coalescePublishes`). */
  readonly publish: Publish;
  /** For `/readyz`. */
  readonly ready: () => Promise<void>;
  readonly logger: Logger;
  readonly registry?: Registry;
  readonly now?: () => Date;
}

export interface WebhookIngest {
  readonly server: Server;
  readonly registry: Registry;
  /** Starts listening; resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops taking calls and waits for those in progress (their publishes included). */
  close(): Promise<void>;
}

const REQUEST_ID = /^[\w\-.:]{1,128}$/;

const LOG_LINES = {
  failed: ['error', 'webhook call failed'],
  refused: ['warn', 'webhook call refused'],
  answered: ['info', 'webhook call answered'],
} as const;

function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export function createWebhookIngest(options: WebhookIngestOptions): WebhookIngest {
  const { settings, logger } = options;
  const registry = options.registry ?? createMetricsRegistry('webhook-ingest');
  const metrics: WebhookMetrics = createWebhookMetrics(registry);
  const postDeps = { settings, publish: options.publish, metrics, now: options.now ?? (() => new Date()) };

  const answer = async (request: IncomingMessage, requestId: string): Promise<Answer> => {
    const url = new URL(request.url ?? '/', 'http://webhook-ingest');
    if (url.pathname !== settings.path) return reject(404, 'not_found', 'no such path');
    if (request.method === 'GET') return answerVerification(url.searchParams, settings.verifyToken);
    if (request.method === 'POST') return answerWebhookPost(request, requestId, postDeps);
    return reject(405, 'method_not_allowed', 'use GET (verification) or POST (webhooks)');
  };

  const send = (request: IncomingMessage, response: ServerResponse, requestId: string, reply: Answer, startedAt: bigint): void => {
    const headers: Record<string, string> = { 'x-request-id': requestId, 'content-type': reply.contentType ?? 'text/plain' };
    // An unread body would otherwise be left on the connection.
    if (!request.complete) headers['connection'] = 'close';
    response.writeHead(reply.status, headers).end(reply.body);
    metrics.calls.inc({ method: request.method ?? 'UNKNOWN', status: String(reply.status) });
    if (reply.cause !== undefined) metrics.rejections.inc({ cause: reply.cause });
    const [level, message] = reply.status >= 500 ? LOG_LINES.failed : reply.status >= 400 ? LOG_LINES.refused : LOG_LINES.answered;
    // winston formats a line before its transport drops it: skip that work for a level it would drop.
    if (!logger.isLevelEnabled(level)) return;
    const fields = { requestId, method: request.method, path: request.url?.split('?')[0], status: reply.status, cause: reply.cause, ms: Number(process.hrtime.bigint() - startedAt) / 1e6, ...reply.log };
    logger.log(level, message, fields);
  };

  const server = createServer((request, response) => {
    const startedAt = process.hrtime.bigint();
    void (async () => {
      if (await serveOperationalRoute(request, response, { registry, ready: options.ready })) return;
      const requestId = requestIdOf(request);
      try {
        send(request, response, requestId, await answer(request, requestId), startedAt);
      } catch (error) {
        // Never a crash: whatever went wrong, Meta gets a 500 and retries.
        logger.error('webhook call crashed', { requestId, error: error instanceof Error ? error.stack : String(error) });
        if (!response.headersSent) response.writeHead(500, { 'x-request-id': requestId, connection: 'close' }).end('internal error');
        metrics.calls.inc({ method: request.method ?? 'UNKNOWN', status: '500' });
      }
    })();
  });
  server.requestTimeout = 60_000;

  return {
    server,
    registry,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, rejectListen) => {
        server.once('error', rejectListen);
        server.listen(port, host, () => {
          server.off('error', rejectListen);
          const address = server.address() as AddressInfo;
          resolve(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
        });
      }),
    close: () =>
      new Promise((resolve, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
