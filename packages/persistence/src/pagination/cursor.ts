import { PersistenceError } from '../persistence.error';

/** Opaque Relay cursor: the sort-key values of a row, as PostgreSQL prints them (full precision). */
export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new PersistenceError('INVALID_CURSOR', 'cursor is not one this API issued');
  }
  if (!Array.isArray(values) || values.length !== arity || !values.every((value) => typeof value === 'string')) {
    throw new PersistenceError('INVALID_CURSOR', 'cursor is not one this API issued');
  }
  return values as string[];
}
