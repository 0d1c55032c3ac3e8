import { PersistenceError } from '@recado/persistence';

// SQLSTATE classes 22 (data exception) and 23 (integrity violation) fail the same way every time.
const DETERMINISTIC_CLASSES = ['22', '23'];

/** A few redeliveries first: an integrity error may also be a race with a concurrent writer. */
export const ATTEMPTS_BEFORE_DEAD_LETTER = 3;

/**
 * Whether applying an event failed for good (it goes to the dead letters and the partition
 * moves on) rather than for now (the batch is redelivered): only errors the event itself
 * causes, after a few attempts. Anything else (database down, timeouts) is retried forever.
 */
export function isPermanentFailure(error: unknown, attempt: number): boolean {
  if (attempt < ATTEMPTS_BEFORE_DEAD_LETTER) return false;
  if (error instanceof PersistenceError) return true;
  const state = sqlState(error);
  return state !== null && DETERMINISTIC_CLASSES.includes(state.slice(0, 2));
}

function sqlState(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const candidate = typeof code === 'string' ? code : driverError?.code;
  return typeof candidate === 'string' && /^[0-9A-Z]{5}$/.test(candidate) ? candidate : null;
}
