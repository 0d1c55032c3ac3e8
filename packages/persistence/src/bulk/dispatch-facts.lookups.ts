import type { Db } from '../data-source/db';
import { ContactEntity } from '../entities/contact.entity';
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

/** By wa_id and by business-scoped user id. */
export async function loadContacts(db: Db, tenantId: string, ids: { waIds: readonly string[]; businessScopedUserIds: readonly string[] }): Promise<Map<string, Contact>> {
  const rows = await db
    .getRepository(ContactEntity)
    .createQueryBuilder('contact')
    .where('contact.tenant_id = :tenantId AND (contact.wa_id = ANY(:waIds) OR contact.business_scoped_user_id = ANY(:bsuids))', {
      tenantId, waIds: ids.waIds, bsuids: ids.businessScopedUserIds,
    })
    .getMany();
  const contacts = new Map<string, Contact>();
  for (const { tenant: _t, ...contact } of rows) {
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
