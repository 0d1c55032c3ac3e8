import { z } from 'zod';

// W3C Trace Context level 1: version-traceid-parentid-flags, lower-case hex, ids never all zero.
const TRACEPARENT = /^(?!ff)[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

export const traceparentSchema = z.string().regex(TRACEPARENT, 'must be a W3C traceparent (00-<32 hex>-<16 hex>-<2 hex>)');
export const tracestateSchema = z.string().max(512);

export const isTraceparent = (value: string): boolean => TRACEPARENT.test(value);

export interface TraceContext {
  readonly traceparent?: string;
  readonly tracestate?: string;
}
