import { dataSourceConfigFromEnv } from './data-source.factory';
import { snakeCase } from './snake-naming.strategy';

describe('dataSourceConfigFromEnv', () => {
  it('uses PostgreSQL when DATABASE_URL is set, with the pool size given', () => {
    expect(dataSourceConfigFromEnv({ DATABASE_URL: 'postgres://db/recado', DATABASE_POOL_SIZE: '25' }, '/data')).toEqual({
      kind: 'postgres', url: 'postgres://db/recado', poolSize: 25,
    });
    expect(dataSourceConfigFromEnv({ DATABASE_URL: 'postgres://db/recado' }, undefined)).toEqual({ kind: 'postgres', url: 'postgres://db/recado' });
  });

  it('falls back to PGlite in the data folder, or in memory', () => {
    expect(dataSourceConfigFromEnv({}, '/var/lib/recado')).toEqual({ kind: 'pglite', dataDir: '/var/lib/recado' });
    expect(dataSourceConfigFromEnv({ DATABASE_URL: '' }, undefined)).toEqual({ kind: 'pglite' });
  });

  it.each(['0', '-1', '2.5', 'ten'])('names DATABASE_POOL_SIZE when it is %s', (value) => {
    expect(() => dataSourceConfigFromEnv({ DATABASE_URL: 'postgres://db', DATABASE_POOL_SIZE: value }, undefined)).toThrow(/DATABASE_POOL_SIZE/);
  });
});

describe('snakeCase', () => {
  it.each([
    ['tenantId', 'tenant_id'],
    ['accessTokenCiphertext', 'access_token_ciphertext'],
    ['id', 'id'],
    ['reEngagementSentAt', 're_engagement_sent_at'],
  ])('%s → %s', (name, column) => {
    expect(snakeCase(name)).toBe(column);
  });
});
