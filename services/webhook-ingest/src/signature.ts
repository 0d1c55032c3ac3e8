import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureFailure = 'MISSING_SIGNATURE' | 'MALFORMED_SIGNATURE' | 'SIGNATURE_MISMATCH';

const HEADER_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks `X-Hub-Signature-256` (HMAC-SHA256 of the exact bytes received) against every
 * accepted app secret, in constant time per comparison. Returns why it failed, or undefined.
 */
export function checkSignature(rawBody: Buffer, header: string | undefined, appSecrets: readonly string[]): SignatureFailure | undefined {
  if (header === undefined || header === '') return 'MISSING_SIGNATURE';
  const hex = HEADER_FORMAT.exec(header.trim())?.[1];
  if (hex === undefined) return 'MALFORMED_SIGNATURE';
  const given = Buffer.from(hex, 'hex');
  let matched = false;
  // Every secret is tried, so the time taken does not tell which one matched.
  for (const secret of appSecrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    matched = timingSafeEqual(expected, given) || matched;
  }
  return matched ? undefined : 'SIGNATURE_MISMATCH';
}

/** The header value Meta would send for this body; for tests, the sandbox and benchmarks. */
export const signatureHeader = (rawBody: Buffer | string, appSecret: string): string =>
  `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
