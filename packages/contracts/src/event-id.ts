import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from its parts (SHA-256, RFC 9562 version 8), so that the same
 * fact (e.g. wamid + status + timestamp) always yields the same event id, across retries.
 */
export const deterministicEventId = (...parts: readonly string[]): string => {
  if (parts.length === 0) throw new RangeError('deterministicEventId needs at least one part');
  const hash = createHash('sha256');
  // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
  for (const part of parts) hash.update(`${part.length}:${part};`);
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
