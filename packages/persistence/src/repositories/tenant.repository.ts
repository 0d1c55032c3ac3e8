import type { Db } from '../data-source/db';
import { TenantEntity } from '../entities/tenant.entity';

export interface Tenant {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly createdAt: Date;
}

export async function createTenant(db: Db, input: { slug: string; name: string }): Promise<Tenant> {
  return db.getRepository(TenantEntity).save(db.getRepository(TenantEntity).create(input));
}

export async function getTenant(db: Db, tenantId: string): Promise<Tenant | null> {
  return db.getRepository(TenantEntity).findOneBy({ id: tenantId });
}
