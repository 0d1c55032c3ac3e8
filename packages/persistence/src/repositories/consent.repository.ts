import type { Db } from '../data-source/db';
import { ConsentRecordEntity, type ConsentAction, type ConsentScope } from '../entities/consent-record.entity';
import { CurrentConsentEntity, type ConsentCategory } from '../entities/current-consent.entity';
import { assertTenantOwns } from './tenant-ownership';

export type ConsentRecord = Omit<ConsentRecordEntity, 'contact' | 'phoneNumber'>;
export type CurrentConsent = Omit<CurrentConsentEntity, 'contact' | 'record'>;

export interface ConsentRecordInput {
  readonly contactId: string;
  readonly phoneNumberId?: string | null;
  readonly action: ConsentAction;
  readonly scope: ConsentScope;
  readonly source: string;
  readonly proof: Record<string, unknown>;
  readonly actor: string;
  readonly occurredAt: Date;
}

const CATEGORIES: readonly ConsentCategory[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

/**
 * Appends to the ledger and moves the current consent in the same transaction; a record
 * older than the current state is kept in the ledger but does not overturn it.
 * Run it inside `inTransaction`: the two writes must commit together.
 */
export async function appendConsent(db: Db, tenantId: string, input: ConsentRecordInput): Promise<ConsentRecord> {
  await assertTenantOwns(db, tenantId, { contactIds: [input.contactId], phoneNumberIds: [input.phoneNumberId] });
  const ledger = db.getRepository(ConsentRecordEntity);
  const record = await ledger.save(ledger.create({ ...input, tenantId }));
  const categories = input.scope === 'ALL' ? CATEGORIES : [input.scope];
  await db.query(
    `INSERT INTO current_consents (contact_id, category, tenant_id, status, source, since, record_id)
     SELECT $1, category, $2, $3, $4, $5, $6 FROM unnest($7::text[]) AS category
     ON CONFLICT (contact_id, category) DO UPDATE
       SET status = excluded.status, source = excluded.source, since = excluded.since, record_id = excluded.record_id
       WHERE current_consents.since <= excluded.since AND current_consents.tenant_id = excluded.tenant_id`,
    [input.contactId, tenantId, input.action === 'OPT_IN' ? 'OPTED_IN' : 'OPTED_OUT', input.source, input.occurredAt, record.id, categories],
  );
  const { contact: _c, phoneNumber: _p, ...saved } = record;
  return saved;
}

export async function listConsentRecords(db: Db, tenantId: string, contactId: string): Promise<ConsentRecord[]> {
  return db.getRepository(ConsentRecordEntity).find({ where: { tenantId, contactId }, order: { occurredAt: 'ASC', id: 'ASC' } });
}

export async function getCurrentConsent(db: Db, tenantId: string, contactId: string): Promise<CurrentConsent[]> {
  return db.getRepository(CurrentConsentEntity).find({ where: { tenantId, contactId }, order: { category: 'ASC' } });
}
