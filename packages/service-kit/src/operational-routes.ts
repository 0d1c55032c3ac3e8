import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

export interface OperationalRoutes {
  readonly registry: Registry;
  /** Resolves when the service can do its work (e.g. Kafka answers); rejects with the reason. */
  readonly ready: () => Promise<void>;
}

const json = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/**
 * `/healthz` (the process is alive), `/readyz` (its dependencies answer) and `/metrics`
 * (Prometheus text format). Returns false for any other path, for the service to handle.
 */
export async function serveOperationalRoute(request: IncomingMessage, response: ServerResponse, routes: OperationalRoutes): Promise<boolean> {
  if (request.method !== 'GET') return false;
  const path = (request.url ?? '').split('?')[0] ?? '';
  switch (path) {
    case '/healthz':
      json(response, 200, { status: 'ok' });
      return true;
    case '/readyz':
      try {
        await routes.ready();
        json(response, 200, { status: 'ready' });
      } catch (error) {
        json(response, 503, { status: 'not ready', reason: error instanceof Error ? error.message : String(error) });
      }
      return true;
    case '/metrics':
      response.writeHead(200, { 'content-type': routes.registry.contentType }).end(await routes.registry.metrics());
      return true;
    default:
      return false;
  }
}
