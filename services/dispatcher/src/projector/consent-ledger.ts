import { validateConsentRecord, type ConsentRecord } from '@recado/domain';
import { appendConsent, type Db } from '@recado/persistence';
import type { Logger } from '@recado/service-kit';

export interface LedgerTarget {
  readonly contactId: string;
  /** Set when the signal is scoped to one business number (WhatsApp's marketing stop). */
  readonly phoneNumberId: string | null;
}

/**
 * Appends a record the rules engine built, with the event that carried it added to the proof;
 * a record the engine would not accept as evidence is logged and left out.
 */
export async function appendToLedger(db: Db, tenantId: string, target: LedgerTarget, record: ConsentRecord, evidence: Record<string, string>, logger: Logger): Promise<boolean> {
  const violations = validateConsentRecord(record);
  if (violations.length > 0) {
    logger.warn('consent record refused by the rules engine', { tenantId, contactId: target.contactId, violations });
    return false;
  }
  await appendConsent(db, tenantId, {
    contactId: target.contactId,
    phoneNumberId: target.phoneNumberId,
    action: record.action,
    scope: record.scope,
    source: record.source,
    proof: { ...record.proof, ...evidence },
    actor: record.actor,
    occurredAt: record.at,
  });
  return true;
}
