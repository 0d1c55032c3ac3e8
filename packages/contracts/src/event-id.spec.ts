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
