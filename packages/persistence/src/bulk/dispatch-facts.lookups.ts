import type { Db } from '../data-source/db';
import { PhoneNumberEntity } from '../entities/phone-number.entity';
import { TemplateEntity } from '../entities/template.entity';
import type { Contact } from '../repositories/contact.repository';
import type { ConversationState } from '../repositories/conversation.repository';
import { conversationStateFromRow, type ConversationStateRow } from '../repositories/conversation-state.row';
import type { CurrentConsent } from '../repositories/consent.repository';
import type { Template } from '../repositories/template.repository';
import type { PhoneNumberFacts } from './dispatch-facts.loader';

export interface TemplateKey {
  readonly wabaId: string;
  readonly name: string;
  readonly language: string;
}

/** By Meta phone number id, with the portfolio's messaging limit (per portfolio since 2025-10). */
export async function loadPhoneNumbers(db: Db, tenantId: string, metaIds: readonly string[]): Promise<Map<string, PhoneNumberFacts>> {
  const rows = await db
    .getRepository(PhoneNumberEntity)
    .createQueryBuilder('phone')
    .leftJoinAndSelect('phone.portfolio', 'portfolio')
    .where('phone.tenant_id = :tenantId AND phone.meta_phone_number_id = ANY(:metaIds)', { tenantId, metaIds })
    .getMany();
  return new Map(rows.map(({ portfolio, tenant: _t, waba: _w, ...phone }) => [
    phone.metaPhoneNumberId,
    { ...phone, portfolioMessagingLimitTier: portfolio?.messagingLimitTier ?? phone.messagingLimitTier },
  ]));
}

type ContactRow = Omit<Contact, 'undeliverableSince' | 'marketingHeldUntil' | 'erasedAt' | 'createdAt' | 'updatedAt'> &
  Record<'undeliverableSince' | 'marketingHeldUntil' | 'erasedAt', Date | string | null> & Record<'createdAt' | 'updatedAt', Date | string>;

const CONTACT_COLUMNS = `id, tenant_id AS "tenantId", wa_id AS "waId", phone_number AS "phoneNumber", business_scoped_user_id AS "businessScopedUserId",
  profile_name AS "profileName", locale, time_zone AS "timeZone", attributes, undeliverable_since AS "undeliverableSince",
  marketing_held_until AS "marketingHeldUntil", subject_digest AS "subjectDigest", erased_at AS "erasedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

const dateOrNull = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/** By wa_id and by business-scoped user id (plain SQL: this runs for every batch of sends). */
export async function loadContacts(db: Db, tenantId: string, ids: { waIds: readonly string[]; businessScopedUserIds: readonly string[] }): Promise<Map<string, Contact>> {
  const rows = await db.query<ContactRow[]>(
    `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE tenant_id = $1 AND (wa_id = ANY($2::text[]) OR business_scoped_user_id = ANY($3::text[]))`,
    [tenantId, ids.waIds, ids.businessScopedUserIds],
  );
  const contacts = new Map<string, Contact>();
  for (const row of rows) {
    const contact: Contact = {
      ...row,
      undeliverableSince: dateOrNull(row.undeliverableSince),
      marketingHeldUntil: dateOrNull(row.marketingHeldUntil),
      erasedAt: dateOrNull(row.erasedAt),
      createdAt: new Date(row.createdAt),
      updatedAt: new Date(row.updatedAt),
    };
    if (contact.waId) contacts.set(contact.waId, contact);
    if (contact.businessScopedUserId) contacts.set(contact.businessScopedUserId, contact);
  }
  return contacts;
}

export async function loadCurrentConsent(db: Db, tenantId: string, contactIds: readonly string[]): Promise<CurrentConsent[]> {
  const rows = await db.query<(Omit<CurrentConsent, 'since'> & { since: Date | string })[]>(
    `SELECT contact_id AS "contactId", category, tenant_id AS "tenantId", status, source, since, record_id::text AS "recordId"
     FROM current_consents WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[])`,
    [tenantId, contactIds],
  );
  return rows.map((row) => ({ ...row, since: new Date(row.since) }));
}

export async function loadConversationStates(db: Db, tenantId: string, pairs: readonly { phoneNumberId: string; contactId: string }[]): Promise<ConversationState[]> {
  const rows = await db.query<ConversationStateRow[]>(
    `SELECT * FROM conversation_states
     WHERE tenant_id = $1 AND (phone_number_id, contact_id) IN (SELECT * FROM unnest($2::uuid[], $3::uuid[]))`,
    [tenantId, pairs.map((pair) => pair.phoneNumberId), pairs.map((pair) => pair.contactId)],
  );
  return rows.map(conversationStateFromRow);
}

/** The requested templates whatever their status, and every APPROVED one of the WABAs (for suggestions). */
export async function loadTemplates(db: Db, tenantId: string, wanted: readonly TemplateKey[], wabaIds: readonly string[]): Promise<Template[]> {
  const rows = await db
    .getRepository(TemplateEntity)
    .createQueryBuilder('template')
    .where('template.tenant_id = :tenantId AND template.waba_id = ANY(:wabaIds)', { tenantId, wabaIds })
    .andWhere(
      `(template.status = 'APPROVED' OR (template.waba_id, template.name, template.language) IN
        (SELECT * FROM unnest(CAST(:tWabas AS uuid[]), CAST(:tNames AS text[]), CAST(:tLanguages AS text[]))))`,
      { tWabas: wanted.map((w) => w.wabaId), tNames: wanted.map((w) => w.name), tLanguages: wanted.map((w) => w.language) },
    )
    .getMany();
  return rows.map(({ waba: _w, ...template }) => template);
}
