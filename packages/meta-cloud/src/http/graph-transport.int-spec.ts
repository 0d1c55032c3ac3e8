import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveMetaCloudConfig } from '../config/meta-cloud.config';
import { createGraphTransport } from './graph-transport';

interface Seen {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

async function recordingServer(answer: { status: number; body: string; headers?: Record<string, string> }) {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { seen, url, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function transportFor(baseUrl: string) {
  const config = resolveMetaCloudConfig({ accessToken: 'tok', phoneNumberId: '1', baseUrl, graphApiVersion: 'v24.0' });
  if (!config.ok) throw config.error;
  return createGraphTransport(config.value);
}

describe('createGraphTransport', () => {
  it('sends the version, path prefix, query, bearer token and JSON body', async () => {
    const server = await recordingServer({ status: 200, body: '{"ok":1}' });
    const transport = transportFor(`${server.url}/graph/`);
    const result = await transport.request({ method: 'POST', path: '/1/messages', query: { fields: 'a,b', skip: undefined }, body: { x: 'é' } });
    await transport.close();
    await server.stop();
    expect(result).toEqual({ ok: true, value: { ok: 1 } });
    expect(server.seen).toEqual([
      expect.objectContaining({ method: 'POST', url: '/graph/v24.0/1/messages?fields=a%2Cb', body: '{"x":"é"}', headers: expect.objectContaining({ authorization: 'Bearer tok', 'content-type': 'application/json' }) }),
    ]);
  });

  it('maps an error answer with Retry-After', async () => {
    const body = JSON.stringify({ error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, fbtrace_id: 'F' } });
    const server = await recordingServer({ status: 400, body, headers: { 'retry-after': '60' } });
    const transport = transportFor(server.url);
    const result = await transport.request({ method: 'GET', path: '/1' });
    await transport.close();
    await server.stop();
    expect(result).toMatchObject({ ok: false, error: { code: 'META_ERROR', metaCode: 4, errorClass: 'RATE_LIMITED', retryAfterMs: 60_000, fbtraceId: 'F' } });
  });

  it('treats an unreadable success body as undefined, for the caller to refuse', async () => {
    const server = await recordingServer({ status: 200, body: 'not json' });
    const transport = transportFor(server.url);
    const result = await transport.request({ method: 'GET', path: '/1' });
    await transport.close();
    await server.stop();
    expect(result).toEqual({ ok: true, value: undefined });
  });
});
