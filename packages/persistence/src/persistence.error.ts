export type PersistenceErrorCode = 'NOT_FOUND' | 'TENANT_MISMATCH' | 'INVALID_CURSOR';

/** The one error type of this package; callers switch on `code`, never on the message. */
export class PersistenceError extends Error {
  constructor(readonly code: PersistenceErrorCode, message: string) {
    super(message);
    this.name = 'PersistenceError';
  }
}
