import type { Db } from '../data-source/db';
import { BusinessPortfolioEntity } from '../entities/business-portfolio.entity';
import { PhoneNumberEntity } from '../entities/phone-number.entity';
import { WhatsappBusinessAccountEntity } from '../entities/whatsapp-business-account.entity';
import { openSecret, sealSecret, type KeyRing } from '../secrets/token-cipher';
import { assertTenantOwns } from './tenant-ownership';

export type BusinessPortfolio = Omit<BusinessPortfolioEntity, 'tenant'>;
export type WhatsappBusinessAccount = Omit<WhatsappBusinessAccountEntity, 'tenant' | 'portfolio' | 'accessTokenCiphertext' | 'accessTokenKeyId'>;
export type PhoneNumber = Omit<PhoneNumberEntity, 'tenant' | 'waba' | 'portfolio'>;

export interface PortfolioInput {
  readonly metaBusinessId: string;
  readonly name: string;
  readonly messagingLimitTier?: string | null;
}

export async function savePortfolio(db: Db, tenantId: string, input: PortfolioInput): Promise<BusinessPortfolio> {
  const repository = db.getRepository(BusinessPortfolioEntity);
  const existing = await repository.findOneBy({ tenantId, metaBusinessId: input.metaBusinessId });
  return repository.save(repository.create({ ...existing, ...input, tenantId }));
}

export async function listPortfolios(db: Db, tenantId: string): Promise<BusinessPortfolio[]> {
  return db.getRepository(BusinessPortfolioEntity).find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
}

export interface WabaInput {
  readonly metaWabaId: string;
  readonly name: string;
  readonly portfolioId?: string | null;
  readonly timezoneId?: string | null;
  readonly currency?: string | null;
}

function withoutToken({ accessTokenCiphertext: _c, accessTokenKeyId: _k, tenant: _t, portfolio: _p, ...waba }: WhatsappBusinessAccountEntity): WhatsappBusinessAccount {
  return waba;
}

export async function saveWaba(db: Db, tenantId: string, input: WabaInput): Promise<WhatsappBusinessAccount> {
  await assertTenantOwns(db, tenantId, { portfolioIds: [input.portfolioId] });
  const repository = db.getRepository(WhatsappBusinessAccountEntity);
  const existing = await repository.findOneBy({ tenantId, metaWabaId: input.metaWabaId });
  return withoutToken(await repository.save(repository.create({ ...existing, ...input, tenantId })));
}

export async function listWabas(db: Db, tenantId: string): Promise<WhatsappBusinessAccount[]> {
  const rows = await db.getRepository(WhatsappBusinessAccountEntity).find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  return rows.map(withoutToken);
}

const tokenContext = (tenantId: string, wabaId: string): string => `waba-access-token:${tenantId}:${wabaId}`;

/** Stores Meta's access token sealed with the key ring's current key. */
export async function storeAccessToken(db: Db, tenantId: string, wabaId: string, token: string, ring: KeyRing): Promise<boolean> {
  const sealed = sealSecret(ring, token, tokenContext(tenantId, wabaId));
  const result = await db
    .getRepository(WhatsappBusinessAccountEntity)
    .update({ tenantId, id: wabaId }, { accessTokenCiphertext: sealed.ciphertext, accessTokenKeyId: sealed.keyId });
  return (result.affected ?? 0) > 0;
}

export async function getAccessToken(db: Db, tenantId: string, wabaId: string, ring: KeyRing): Promise<string | null> {
  const row = await db.getRepository(WhatsappBusinessAccountEntity).findOneBy({ tenantId, id: wabaId });
  if (!row?.accessTokenCiphertext || !row.accessTokenKeyId) return null;
  return openSecret(ring, { keyId: row.accessTokenKeyId, ciphertext: row.accessTokenCiphertext }, tokenContext(tenantId, wabaId));
}

/** Re-seals this tenant's tokens that an older key encrypted; returns how many moved. */
export async function rotateAccessTokens(db: Db, tenantId: string, ring: KeyRing): Promise<number> {
  const rows = await db
    .getRepository(WhatsappBusinessAccountEntity)
    .createQueryBuilder('waba')
    .where('waba.tenant_id = :tenantId AND waba.access_token_key_id <> :current', { tenantId, current: ring.currentKeyId })
    .getMany();
  for (const row of rows) {
    const token = await getAccessToken(db, tenantId, row.id, ring);
    if (token !== null) await storeAccessToken(db, tenantId, row.id, token, ring);
  }
  return rows.length;
}

export interface PhoneNumberInput {
  readonly wabaId: string;
  readonly metaPhoneNumberId: string;
  readonly displayPhoneNumber: string;
  readonly portfolioId?: string | null;
  readonly verifiedName?: string | null;
  readonly qualityRating?: PhoneNumber['qualityRating'];
  readonly messagingLimitTier?: string | null;
  readonly throughputLevel?: string | null;
}

export async function savePhoneNumber(db: Db, tenantId: string, input: PhoneNumberInput): Promise<PhoneNumber> {
  await assertTenantOwns(db, tenantId, { wabaIds: [input.wabaId], portfolioIds: [input.portfolioId] });
  const repository = db.getRepository(PhoneNumberEntity);
  const existing = await repository.findOneBy({ tenantId, metaPhoneNumberId: input.metaPhoneNumberId });
  const { tenant: _t, waba: _w, portfolio: _p, ...saved } = await repository.save(repository.create({ ...existing, ...input, tenantId }));
  return saved;
}

export async function listPhoneNumbers(db: Db, tenantId: string): Promise<PhoneNumber[]> {
  return db.getRepository(PhoneNumberEntity).find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
}

export async function findPhoneNumber(db: Db, tenantId: string, phoneNumberId: string): Promise<PhoneNumber | null> {
  return db.getRepository(PhoneNumberEntity).findOneBy({ tenantId, id: phoneNumberId });
}
