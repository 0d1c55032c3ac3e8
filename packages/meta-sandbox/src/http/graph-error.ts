import { classifyMetaError } from '@recado/domain';
import type { Random } from '../random';

export interface GraphErrorResponse {
  readonly status: number;
  readonly body: { readonly error: Record<string, unknown> };
  readonly headers?: Readonly<Record<string, string>>;
}

const STATUS_BY_CODE: Readonly<Record<number, number>> = { 0: 401, 190: 401, 10: 403, 131000: 500, 131016: 503, 2: 503, 132001: 404 };

/** A Graph API error body as Meta sends it (RULES.md §6.1). */
export function graphError(code: number, details: string, random: Random, extra: { subcode?: number; status?: number; retryAfterS?: number } = {}): GraphErrorResponse {
  const { title } = classifyMetaError({ code, origin: 'SEND_RESPONSE' });
  const error: Record<string, unknown> = {
    message: `(#${code}) ${title}`,
    type: code === 2 || code === 131000 ? 'GraphMethodException' : 'OAuthException',
    code,
    error_data: { messaging_product: 'whatsapp', details },
    fbtrace_id: `A${random.hex(22)}`,
  };
  if (extra.subcode !== undefined) error['error_subcode'] = extra.subcode;
  return {
    status: extra.status ?? STATUS_BY_CODE[code] ?? 400,
    body: { error },
    ...(extra.retryAfterS === undefined ? {} : { headers: { 'retry-after': String(extra.retryAfterS) } }),
  };
}
