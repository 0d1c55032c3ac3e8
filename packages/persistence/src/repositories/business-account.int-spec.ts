import { randomBytes, randomUUID } from 'node:crypto';
import { keyRing } from '../secrets/token-cipher';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { nth } from '../test/nth';
import { seedTenant, type SeededTenant } from '../test/seed';
import {
  findPhoneNumber, getAccessToken, listPhoneNumbers, listPortfolios, listWabas, rotateAccessTokens, savePhoneNumber, savePortfolio, saveWaba,
} from './account.repository';
import { routeByMetaPhoneNumberId } from './routing.repository';

const k1 = randomBytes(32);
const ring1 = keyRing('k1', new Map([['k1', k1]]));
const ring2 = keyRing('k2', new Map([['k1', k1], ['k2', randomBytes(32)]]));
const mismatch = { code: 'TENANT_MISMATCH' };

describe('portfolios, WABAs and phone numbers', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;
  const m = () => db.dataSource.manager;

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource, { ring: ring1 });
    b = await seedTenant(db.dataSource, { ring: ring1 });
  });

  afterAll(() => db.close());

  it('saves a portfolio once per Meta business id, updating it in place', async () => {
    const first = await savePortfolio(m(), a.tenantId, { metaBusinessId: 'biz-acme-2', name: 'Acme 2', messagingLimitTier: 'TIER_250' });
    const again = await savePortfolio(m(), a.tenantId, { metaBusinessId: 'biz-acme-2', name: 'Acme Two', messagingLimitTier: 'TIER_1K' });
    expect(again.id).toBe(first.id);
    const listed = await listPortfolios(m(), a.tenantId);
    expect(listed.map((p) => [p.id, p.messagingLimitTier])).toEqual([[a.portfolioId, 'TIER_2K'], [first.id, 'TIER_1K']]);
    expect(listed[1]).toMatchObject({ tenantId: a.tenantId, metaBusinessId: 'biz-acme-2', name: 'Acme Two' });
    expect((await listPortfolios(m(), b.tenantId)).map((p) => p.id)).toEqual([b.portfolioId]);
  });

  it('saves a WABA once per Meta id, and lists it without its token', async () => {
    const first = await saveWaba(m(), a.tenantId, { metaWabaId: 'waba-acme-2', name: 'Acme BR', portfolioId: a.portfolioId, timezoneId: '55', currency: 'BRL' });
    const again = await saveWaba(m(), a.tenantId, { metaWabaId: 'waba-acme-2', name: 'Acme Brasil' });
    expect(again).toMatchObject({ id: first.id, name: 'Acme Brasil', portfolioId: a.portfolioId, currency: 'BRL' });
    const listed = await listWabas(m(), a.tenantId);
    expect(listed.map((w) => [w.id, w.name])).toEqual([[a.wabaId, expect.any(String) as string], [first.id, 'Acme Brasil']]);
    for (const waba of listed) expect(waba).not.toHaveProperty('accessTokenCiphertext');
    expect(JSON.stringify(listed)).not.toMatch(/token-|accessToken/);
    expect(await getAccessToken(m(), a.tenantId, first.id, ring1)).toBeNull();
  });

  it('saves a new phone number with its Meta fields and finds it by id', async () => {
    const saved = await savePhoneNumber(m(), a.tenantId, {
      wabaId: a.wabaId, portfolioId: a.portfolioId, metaPhoneNumberId: 'pn-acme-2', displayPhoneNumber: '5511912345678',
      verifiedName: 'Acme', qualityRating: 'YELLOW', messagingLimitTier: 'TIER_1K', throughputLevel: 'STANDARD',
    });
    expect(await findPhoneNumber(m(), a.tenantId, saved.id)).toMatchObject({
      tenantId: a.tenantId, wabaId: a.wabaId, portfolioId: a.portfolioId, metaPhoneNumberId: 'pn-acme-2', displayPhoneNumber: '5511912345678',
      verifiedName: 'Acme', qualityRating: 'YELLOW', messagingLimitTier: 'TIER_1K', throughputLevel: 'STANDARD', haltedUntil: null,
    });
    expect((await listPhoneNumbers(m(), a.tenantId)).map((p) => p.id)).toEqual([a.phoneNumberId, saved.id]);
  });

  it('finds no phone number of another tenant, nor an unknown one', async () => {
    expect(await findPhoneNumber(m(), a.tenantId, b.phoneNumberId)).toBeNull();
    expect(await findPhoneNumber(m(), a.tenantId, randomUUID())).toBeNull();
    expect((await findPhoneNumber(m(), b.tenantId, b.phoneNumberId))?.id).toBe(b.phoneNumberId);
  });

  it("rotates the tenant's own tokens only", async () => {
    expect(await rotateAccessTokens(m(), a.tenantId, ring2)).toBe(1);
    const keys = await db.dataSource.query<{ id: string; key: string }[]>(
      `SELECT id, access_token_key_id AS key FROM whatsapp_business_accounts WHERE id = ANY($1::uuid[]) ORDER BY id = $2 DESC`,
      [[a.wabaId, b.wabaId], a.wabaId],
    );
    expect(keys).toEqual([{ id: a.wabaId, key: 'k2' }, { id: b.wabaId, key: 'k1' }]);
    expect(await getAccessToken(m(), b.tenantId, b.wabaId, ring1)).toMatch(/^token-/);
  });

  it("refuses to attach a WABA or a phone number to another tenant's portfolio or WABA", async () => {
    await expect(saveWaba(m(), a.tenantId, { metaWabaId: 'waba-stray', name: 'Stray', portfolioId: b.portfolioId })).rejects.toMatchObject(mismatch);
    const phone = { metaPhoneNumberId: 'pn-stray', displayPhoneNumber: '5511900000001' };
    await expect(savePhoneNumber(m(), a.tenantId, { ...phone, wabaId: b.wabaId })).rejects.toMatchObject(mismatch);
    await expect(savePhoneNumber(m(), a.tenantId, { ...phone, wabaId: a.wabaId, portfolioId: b.portfolioId })).rejects.toMatchObject(mismatch);
    expect((await listWabas(m(), a.tenantId)).map((w) => w.metaWabaId)).not.toContain('waba-stray');
    expect(await routeByMetaPhoneNumberId(m(), 'pn-stray')).toBeNull();
    expect(nth(await listWabas(m(), b.tenantId), 0).portfolioId).toBe(b.portfolioId);
  });
});
