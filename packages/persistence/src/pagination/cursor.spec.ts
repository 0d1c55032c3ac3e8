import { PersistenceError } from '../persistence.error';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips the sort-key values', () => {
    const values = ['2026-01-02T03:04:05.123456Z', '7c9e6679-7425-40de-944b-e07fc1f90ae7'];
    expect(decodeCursor(encodeCursor(values), 2)).toEqual(values);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['another arity', encodeCursor(['a'])],
    ['non-string values', Buffer.from('[1,2]').toString('base64url')],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
  ])('refuses %s with INVALID_CURSOR', (_label, cursor) => {
    expect(() => decodeCursor(cursor, 2)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }) as PersistenceError);
  });
});
