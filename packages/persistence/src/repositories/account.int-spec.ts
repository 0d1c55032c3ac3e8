import { randomBytes } from 'node:crypto';
import { keyRing } from '../secrets/token-cipher';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { seedTenant, type SeededTenant } from '../test/seed';
import { getAccessToken, listPhoneNumbers, rotateAccessTokens, savePhoneNumber, storeAccessToken } from './account.repository';
import { routeByMetaPhoneNumberId, routeByMetaWabaId } from './routing.repository';
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from './api-key.repository';
import { nth, present } from '../test/nth';

const k1 = randomBytes(32);
const ring1 = keyRing('k1', new Map([['k1', k1]]));
const ring2 = keyRing('k2', new Map([['k1', k1], ['k2', randomBytes(32)]]));
const TOKEN = 'EAAGm0PX4ZCpsBAKZB-a-very-secret-meta-token';

describe('accounts, tokens and API keys', () => {
  let db: MigratedDatabase;
  let tenant: SeededTenant;

  beforeAll(async () => {
    db = await openMigratedPostgres();
    tenant = await seedTenant(db.dataSource);
  });

  afterAll(() => db.close());

  it('stores the Meta token encrypted: the stored bytes do not contain it', async () => {
    expect(await storeAccessToken(db.dataSource.manager, tenant.tenantId, tenant.wabaId, TOKEN, ring1)).toBe(true);
    const rows = await db.dataSource.query<{ bytes: Buffer; key_id: string; row_text: string }[]>(
      `SELECT access_token_ciphertext AS bytes, access_token_key_id AS key_id, w::text AS row_text FROM whatsapp_business_accounts w WHERE id = $1`,
      [tenant.wabaId],
    );
    const row = nth(rows, 0);
    expect(row.key_id).toBe('k1');
    expect(row.bytes.includes(Buffer.from(TOKEN))).toBe(false);
    expect(row.row_text).not.toContain(TOKEN);
    expect(row.row_text).not.toContain(Buffer.from(TOKEN).toString('hex'));
    expect(await getAccessToken(db.dataSource.manager, tenant.tenantId, tenant.wabaId, ring1)).toBe(TOKEN);
  });

  it('rotates: tokens sealed with the old key are re-sealed with the current one', async () => {
    expect(await rotateAccessTokens(db.dataSource.manager, tenant.tenantId, ring2)).toBe(1);
    expect(await rotateAccessTokens(db.dataSource.manager, tenant.tenantId, ring2)).toBe(0);
    const keyOnly = keyRing('k2', new Map([['k2', present(ring2.keys.get('k2'))]]));
    expect(await getAccessToken(db.dataSource.manager, tenant.tenantId, tenant.wabaId, keyOnly)).toBe(TOKEN);
  });

  it('updates a phone number found by its Meta id instead of duplicating it', async () => {
    const [phone] = await listPhoneNumbers(db.dataSource.manager, tenant.tenantId);
    await savePhoneNumber(db.dataSource.manager, tenant.tenantId, {
      wabaId: tenant.wabaId, metaPhoneNumberId: present(phone).metaPhoneNumberId, displayPhoneNumber: present(phone).displayPhoneNumber, qualityRating: 'YELLOW', throughputLevel: 'HIGH',
    });
    const after = await listPhoneNumbers(db.dataSource.manager, tenant.tenantId);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: present(phone).id, qualityRating: 'YELLOW', throughputLevel: 'HIGH' });
  });

  it("routes Meta's ids to their tenant, and unknown ids to nothing", async () => {
    const phone = nth(await listPhoneNumbers(db.dataSource.manager, tenant.tenantId), 0);
    const waba = await db.dataSource.query<{ meta_waba_id: string }[]>('SELECT meta_waba_id FROM whatsapp_business_accounts WHERE id = $1', [tenant.wabaId]);
    expect(await routeByMetaPhoneNumberId(db.dataSource.manager, phone.metaPhoneNumberId)).toEqual({ tenantId: tenant.tenantId, wabaId: tenant.wabaId, phoneNumberId: phone.id });
    expect(await routeByMetaWabaId(db.dataSource.manager, nth(waba, 0).meta_waba_id)).toEqual({ tenantId: tenant.tenantId, wabaId: tenant.wabaId, phoneNumberId: null });
    expect(await routeByMetaPhoneNumberId(db.dataSource.manager, '999')).toBeNull();
  });

  it('authenticates an API key by its hash, never storing the key, and stops after revocation', async () => {
    const { key, apiKey } = await createApiKey(db.dataSource.manager, tenant.tenantId, { name: 'crm', scopes: ['send'] });
    const stored = await db.dataSource.query<{ row_text: string }[]>(`SELECT k::text AS row_text FROM api_keys k WHERE id = $1`, [apiKey.id]);
    expect(stored[0]?.row_text).not.toContain(key.slice('rk_'.length + 13));
    const now = new Date('2026-05-01T00:00:00Z');
    expect(await authenticateApiKey(db.dataSource.manager, key, now)).toMatchObject({ id: apiKey.id, tenantId: tenant.tenantId, lastUsedAt: now });
    expect(await authenticateApiKey(db.dataSource.manager, `${key.slice(0, -1)}x`, now)).toBeNull();
    expect(await authenticateApiKey(db.dataSource.manager, 'not-a-key', now)).toBeNull();
    expect(await revokeApiKey(db.dataSource.manager, tenant.tenantId, apiKey.id, now)).toBe(true);
    expect(await authenticateApiKey(db.dataSource.manager, key, now)).toBeNull();
    expect((await listApiKeys(db.dataSource.manager, tenant.tenantId)).map((k) => k.name)).toContain('crm');
  });
});
