import { createHash } from 'node:crypto';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth } from '../test/nth';
import { seedTenant, type SeededTenant } from '../test/seed';
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from './api-key.repository';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('API keys', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  const m = () => db.dataSource.manager;

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource);
    b = await seedTenant(db.dataSource);
  });

  afterAll(() => db.close());

  it('returns the key once and stores only its SHA-256 and prefix', async () => {
    const { key, apiKey } = await createApiKey(m(), a.tenantId, { name: 'crm', scopes: ['send', 'read'] });
    expect(key).toMatch(/^rk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ tenantId: a.tenantId, name: 'crm', prefix: key.slice(3, 15), scopes: ['send', 'read'], lastUsedAt: null, revokedAt: null });
    expect(apiKey).not.toHaveProperty('hash');
    const rows = await db.dataSource.query<{ prefix: string; hash: string }[]>(`SELECT prefix, hash FROM api_keys WHERE id = $1`, [apiKey.id]);
    expect(rows).toEqual([{ prefix: key.slice(3, 15), hash: sha256(key) }]);
  });

  it("lists the tenant's keys, oldest first, without their hashes", async () => {
    const listed = await listApiKeys(m(), a.tenantId);
    expect(listed.map((k) => k.id)).toEqual([a.apiKeyId, expect.any(String) as string]);
    expect(nth(listed, 1).name).toBe('crm');
    for (const apiKey of listed) expect(apiKey).not.toHaveProperty('hash');
    expect((await listApiKeys(m(), b.tenantId)).map((k) => k.id)).toEqual([b.apiKeyId]);
  });

  it('records when a key was last used', async () => {
    const { key, apiKey } = await createApiKey(m(), a.tenantId, { name: 'erp', scopes: [] });
    const at = new Date('2026-05-02T08:00:00Z');
    expect(await authenticateApiKey(m(), key, at)).toMatchObject({ id: apiKey.id, tenantId: a.tenantId });
    expect((await listApiKeys(m(), a.tenantId)).find((k) => k.id === apiKey.id)?.lastUsedAt).toEqual(at);
  });

  it('revokes a key once, and only through its own tenant', async () => {
    const { key, apiKey } = await createApiKey(m(), a.tenantId, { name: 'temp', scopes: ['send'] });
    const at = new Date('2026-05-03T00:00:00Z');
    expect(await revokeApiKey(m(), b.tenantId, apiKey.id, at)).toBe(false);
    expect(await authenticateApiKey(m(), key, at)).not.toBeNull();
    expect(await revokeApiKey(m(), a.tenantId, apiKey.id, at)).toBe(true);
    expect(await revokeApiKey(m(), a.tenantId, apiKey.id, new Date('2026-06-01T00:00:00Z'))).toBe(false);
    expect((await listApiKeys(m(), a.tenantId)).find((k) => k.id === apiKey.id)?.revokedAt).toEqual(at);
    expect(await authenticateApiKey(m(), key, at)).toBeNull();
  });
});
