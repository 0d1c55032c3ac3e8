import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { deterministicEventId } from './event-id';

describe('deterministicEventId', () => {
  const id = deterministicEventId('wamid.HBgL', 'delivered', '1750030080');

  it('is the same for the same parts, and UUID-shaped (version 8, RFC variant)', () => {
    expect(deterministicEventId('wamid.HBgL', 'delivered', '1750030080')).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    ['another status', ['wamid.HBgL', 'read', '1750030080']],
    ['the same characters split differently', ['wamid.HBgLdelivered', '', '1750030080']],
    ['fewer parts', ['wamid.HBgL', 'delivered']],
  ])('differs for %s', (_description, parts) => {
    expect(deterministicEventId(...parts)).not.toBe(id);
  });

  it('needs at least one part', () => {
    expect(() => deterministicEventId()).toThrow(RangeError);
  });
});

describe('deterministicEventId, against the byte-wise definition', () => {
  // The first definition, kept as the reference: ids must never change, or retries stop deduplicating.
  const reference = (parts: readonly string[]): string => {
    const digest = createHash('sha256');
    for (const part of parts) digest.update(`${part.length}:${part};`);
    const bytes = digest.digest().subarray(0, 16);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };

  it('keeps the ids of the first definition', () => {
    expect(deterministicEventId('status', 'wamid.HBgL', 'delivered', '1750030080')).toBe('836f7c97-1743-82c1-86eb-98e03249a75e');
  });

  it('yields the same id as the reference for any parts, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (parts) => {
        expect(deterministicEventId(...parts)).toBe(reference(parts));
      }),
    );
  });
});
