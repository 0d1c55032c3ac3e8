import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isTraceparent } from '@recado/contracts';

/** Continues the caller's W3C trace when it sent one; otherwise starts a trace for this call. */
export function traceOf(headers: IncomingHttpHeaders): { traceparent: string; tracestate?: string } {
  const traceparentHeader = headers['traceparent'];
  const tracestateHeader = headers['tracestate'];
  const given = typeof traceparentHeader === 'string' ? traceparentHeader.trim() : undefined;
  if (given !== undefined && isTraceparent(given)) {
    const tracestate = typeof tracestateHeader === 'string' && tracestateHeader.length <= 512 ? tracestateHeader : undefined;
    return tracestate === undefined ? { traceparent: given } : { traceparent: given, tracestate };
  }
  // randomUUID draws from a cached entropy pool; its hex digits make the trace and span ids.
  const trace = randomUUID().replaceAll('-', '');
  const span = randomUUID().replaceAll('-', '').slice(0, 16);
  return { traceparent: `00-${trace}-${span}-01` };
}
