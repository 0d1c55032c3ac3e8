import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from its parts (SHA-256, RFC 9562 version 8), so that the same
 * fact (e.g. wamid + status + timestamp) always yields the same event id, across retries.
 */
export const deterministicEventId = (...parts: readonly string[]): string => {
  if (parts.length === 0) throw new RangeError('deterministicEventId needs at least one part');
  // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
  let text = '';
  for (const part of parts) text += `${part.length}:${part};`;
  const hex = createHash('sha256').update(text).digest('hex');
  // The first 16 bytes, with the version nibble set to 8 and the variant bits to 10.
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
