import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter } from 'prom-client';
import { createMetricsRegistry } from './metrics';
import { serveOperationalRoute } from './operational-routes';

describe('serveOperationalRoute', () => {
  let server: Server;
  let base: string;
  let readiness: () => Promise<void>;
  const registry = createMetricsRegistry('test-service');
  const calls = new Counter({ name: 'test_calls_total', help: 'calls', registers: [registry] });

  beforeAll(async () => {
    server = createServer((request, response) => {
      void serveOperationalRoute(request, response, { registry, ready: () => readiness() }).then((handled) => {
        if (!handled) response.writeHead(404).end('not mine');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers liveness without asking the dependencies', async () => {
    readiness = () => Promise.reject(new Error('kafka down'));
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
  });

  it('answers readiness 200 when ready and 503 with the reason when not', async () => {
    readiness = () => Promise.resolve();
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    readiness = () => Promise.reject(new Error('kafka down'));
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'not ready', reason: 'kafka down' });
  });

  it('exposes Prometheus metrics with the service label', async () => {
    calls.inc(2);
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('test_calls_total{service="test-service"} 2');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('leaves other paths and methods to the service', async () => {
    expect((await fetch(`${base}/other`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(404);
  });
});
