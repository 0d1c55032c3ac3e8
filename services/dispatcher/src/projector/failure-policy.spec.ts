import { PersistenceError } from '@recado/persistence';
import { ATTEMPTS_BEFORE_DEAD_LETTER, isPermanentFailure } from './failure-policy';

const sqlError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { driverError: { code } });

describe('isPermanentFailure', () => {
  it.each<[string, unknown, boolean]>([
    ['check violation', sqlError('23514'), true],
    ['invalid text representation', sqlError('22P02'), true],
    ['unique violation (also a race), after retries', sqlError('23505'), true],
    ['tenant mismatch', new PersistenceError('TENANT_MISMATCH', 'no'), true],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), false],
    ['deadlock', sqlError('40P01'), false],
    ['admin shutdown', sqlError('57P01'), false],
    ['anything else', new Error('boom'), false],
  ])('%s → %s once attempts are used up', (_name, error, permanent) => {
    expect(isPermanentFailure(error, ATTEMPTS_BEFORE_DEAD_LETTER)).toBe(permanent);
  });

  it('retries even a deterministic error a few times first', () => {
    expect(isPermanentFailure(sqlError('23514'), ATTEMPTS_BEFORE_DEAD_LETTER - 1)).toBe(false);
  });
});
