import { createHmac } from 'node:crypto';
import type { Db } from '../data-source/db';
import { PersistenceError } from '../persistence.error';

export interface ErasureReport {
  readonly contactId: string;
  readonly messagesScrubbed: number;
  readonly consentProofsPseudonymised: number;
  readonly outboxEventsDropped: number;
}

/**
 * Keyed digest of a data subject's number: stored in place of the number, so that the
 * person (who knows their number) can later be shown the consent history kept about them,
 * while the database alone cannot name them.
 */
export function subjectDigest(digestKey: Buffer, tenantId: string, waId: string): string {
  return createHmac('sha256', digestKey).update(`${tenantId}:${waId}`).digest('hex');
}

/**
 * Erases a contact's personal data (LGPD art. 18, GDPR art. 17) in the caller's transaction:
 * number, ids, name, locale, attributes, message bodies and parameters, Meta error details,
 * consent proofs (replaced by a digest) and outbox events naming the number or the name (pending ones
 * are dropped on purpose: nothing more is sent or reported about an erased contact).
 * Rows stay, so counts, statuses, costs and the consent history (action, scope, source,
 * time) remain. Erasing twice is a no-op.
 */
export async function eraseContact(db: Db, tenantId: string, contactId: string, at: Date, digestKey: Buffer): Promise<ErasureReport> {
  const rows = await db.query<{ wa_id: string | null; phone_number: string | null; profile_name: string | null; erased_at: Date | null }[]>(
    `SELECT wa_id, phone_number, profile_name, erased_at FROM contacts WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [tenantId, contactId],
  );
  const contact = rows[0];
  if (!contact) throw new PersistenceError('NOT_FOUND', `no contact ${contactId} for tenant ${tenantId}`);
  const numbers = [contact.wa_id, contact.phone_number].filter((value): value is string => value !== null);
  const mentions = [...numbers, ...(contact.profile_name && contact.profile_name.length >= 3 ? [contact.profile_name] : [])];
  const digest = contact.erased_at ? null : subjectDigest(digestKey, tenantId, numbers[0] ?? contactId);

  await db.query(`SET LOCAL recado.erasure = 'on'`);
  await db.query(
    `UPDATE contacts SET wa_id = NULL, phone_number = NULL, business_scoped_user_id = NULL, profile_name = NULL, locale = NULL,
       time_zone = NULL, attributes = '{}', subject_digest = COALESCE(subject_digest, $3), erased_at = COALESCE(erased_at, $4), updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, contactId, digest, at],
  );
  const [, messages] = await db.query<[unknown, number]>(
    `UPDATE messages SET content = NULL, template_parameters = NULL, meta_error = NULL
     WHERE tenant_id = $1 AND contact_id = $2 AND (content IS NOT NULL OR template_parameters IS NOT NULL OR meta_error IS NOT NULL)`,
    [tenantId, contactId],
  );
  const [, proofs] = await db.query<[unknown, number]>(
    `UPDATE consent_records SET proof = jsonb_build_object('erased', true, 'sha256', encode(sha256(convert_to(proof::text, 'UTF8')), 'hex'))
     WHERE tenant_id = $1 AND contact_id = $2 AND NOT proof ? 'erased'`,
    [tenantId, contactId],
  );
  const [, outbox] = await db.query<[unknown, number]>(
    `DELETE FROM outbox_events WHERE tenant_id = $1 AND EXISTS (
       SELECT 1 FROM unnest($2::text[]) AS n WHERE strpos(outbox_events.key, n) > 0 OR strpos(outbox_events.payload::text, n) > 0)`,
    [tenantId, mentions],
  );
  await db.query(`SET LOCAL recado.erasure = 'off'`);
  return { contactId, messagesScrubbed: messages, consentProofsPseudonymised: proofs, outboxEventsDropped: outbox };
}
