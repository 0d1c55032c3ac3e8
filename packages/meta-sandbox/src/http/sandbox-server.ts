import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SandboxControl } from '../control/sandbox-control';
import type { SandboxCore } from '../sandbox-core';
import { routeControl } from './control-router';
import type { GraphAnswer } from './graph-answer';
import { routeGraph } from './graph-router';
import { parseJsonObject, readBody, sendJson } from './json-io';

const CONTROL_PREFIX = '_sandbox';

function answerRequest(core: SandboxCore, control: SandboxControl, request: IncomingMessage, raw: string | undefined): GraphAnswer {
  const [pathname = '/', search = ''] = (request.url ?? '/').split('?', 2);
  const segments = pathname.split('/').filter((segment) => segment !== '');
  const method = request.method ?? 'GET';
  const body = parseJsonObject(raw);
  if (segments[0] === CONTROL_PREFIX) return routeControl(control, method, segments.slice(1), body ?? {});
  return routeGraph(core, { method, segments, query: new URLSearchParams(search), body, authorization: request.headers.authorization });
}

function write(response: ServerResponse, answer: GraphAnswer): void {
  if (typeof answer.body === 'string') {
    response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
    response.end(answer.body);
    return;
  }
  sendJson(response, answer.status, answer.body, answer.headers);
}

function fail(response: ServerResponse, cause: unknown): void {
  sendJson(response, 500, { error: { message: String(cause), type: 'SandboxError', code: 1 } });
}

export function createSandboxServer(core: SandboxCore, control: SandboxControl): Server {
  const server = createServer((request, response) => {
    readBody(request).then((raw) => {
      const answer = answerRequest(core, control, request, raw);
      // Injected latency delays the answer, not the state change: a timed-out send may have been sent.
      if (core.faults.latencyMs > 0) setTimeout(() => write(response, answer), core.faults.latencyMs);
      else write(response, answer);
    }, (cause: unknown) => fail(response, cause)).catch((cause: unknown) => fail(response, cause));
  });
  server.keepAliveTimeout = 30_000;
  return server;
}
