import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { Db } from '../data-source/db';
import { ApiKeyEntity } from '../entities/api-key.entity';

export interface ApiKey {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly string[];
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

const KEY_PATTERN = /^rk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function toApiKey({ hash: _hash, tenant: _tenant, ...key }: ApiKeyEntity): ApiKey {
  return key;
}

/** Returns the key in clear once; only its SHA-256 and its prefix are stored. */
export async function createApiKey(db: Db, tenantId: string, input: { name: string; scopes: readonly string[] }): Promise<{ key: string; apiKey: ApiKey }> {
  const prefix = randomBytes(6).toString('hex');
  const key = `rk_${prefix}_${randomBytes(32).toString('base64url')}`;
  const repository = db.getRepository(ApiKeyEntity);
  const saved = await repository.save(repository.create({ tenantId, name: input.name, prefix, hash: hashKey(key), scopes: [...input.scopes] }));
  return { key, apiKey: toApiKey(saved) };
}

export async function listApiKeys(db: Db, tenantId: string): Promise<ApiKey[]> {
  const keys = await db.getRepository(ApiKeyEntity).find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  return keys.map(toApiKey);
}

export async function revokeApiKey(db: Db, tenantId: string, apiKeyId: string, at: Date): Promise<boolean> {
  const result = await db.getRepository(ApiKeyEntity).update({ tenantId, id: apiKeyId, revokedAt: IsNull() }, { revokedAt: at });
  return (result.affected ?? 0) > 0;
}

/**
 * The one lookup without a tenant id: it is how a request finds its tenant. Compares the
 * hash in constant time so the prefix alone proves nothing.
 */
export async function authenticateApiKey(db: Db, key: string, at: Date): Promise<ApiKey | null> {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const repository = db.getRepository(ApiKeyEntity);
  const row = await repository.findOneBy({ prefix: match[1] ?? '', revokedAt: IsNull() });
  if (!row || !timingSafeEqual(Buffer.from(row.hash, 'hex'), Buffer.from(hashKey(key), 'hex'))) return null;
  await repository.update({ id: row.id }, { lastUsedAt: at });
  return toApiKey({ ...row, lastUsedAt: at });
}
