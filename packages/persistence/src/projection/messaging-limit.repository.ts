import type { Db } from '../data-source/db';
import { updatedCount } from './updated-rows';
import type { PhoneNumber } from '../repositories/account.repository';
import { PhoneNumberEntity } from '../entities/phone-number.entity';

/** Meta's `phone_number_quality_update` names the number by its display digits only. */
export async function findPhoneNumberByDisplay(db: Db, tenantId: string, wabaId: string, displayPhoneNumber: string): Promise<PhoneNumber | null> {
  const digits = displayPhoneNumber.replace(/\D/g, '');
  return db.getRepository(PhoneNumberEntity).findOneBy({ tenantId, wabaId, displayPhoneNumber: digits });
}

/** The per-number tier (deprecated by Meta, still reported, RULES §7.3). */
export async function setPhoneNumberMessagingLimit(db: Db, tenantId: string, phoneNumberId: string, tier: string): Promise<boolean> {
  const result = await db.query<unknown>(
    `UPDATE phone_numbers SET messaging_limit_tier = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING 1`,
    [tenantId, phoneNumberId, tier],
  );
  return updatedCount(result) === 1;
}

/** Sets a number's throughput level (`STANDARD`, `HIGH`…), which paces the dispatcher's sends. */
export async function setPhoneNumberThroughputLevel(db: Db, tenantId: string, phoneNumberId: string, level: string): Promise<boolean> {
  const result = await db.query<unknown>(
    `UPDATE phone_numbers SET throughput_level = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING 1`,
    [tenantId, phoneNumberId, level],
  );
  return updatedCount(result) === 1;
}

/** Sets the tier of every number of a WABA (the old per-phone field of `business_capability_update`). */
export async function setWabaPhoneNumbersMessagingLimit(db: Db, tenantId: string, wabaId: string, tier: string): Promise<number> {
  const result = await db.query<unknown>(
    `UPDATE phone_numbers SET messaging_limit_tier = $3, updated_at = now() WHERE tenant_id = $1 AND waba_id = $2 RETURNING 1`,
    [tenantId, wabaId, tier],
  );
  return updatedCount(result);
}

/** Sets the messaging limit of the portfolio a WABA belongs to; false when it belongs to none. */
export async function setWabaPortfolioMessagingLimit(db: Db, tenantId: string, wabaId: string, tier: string): Promise<boolean> {
  const result = await db.query<unknown>(
    `UPDATE business_portfolios p SET messaging_limit_tier = $3, updated_at = now()
     FROM whatsapp_business_accounts w WHERE w.tenant_id = $1 AND w.id = $2 AND p.id = w.portfolio_id AND p.tenant_id = $1 RETURNING 1`,
    [tenantId, wabaId, tier],
  );
  return updatedCount(result) === 1;
}
