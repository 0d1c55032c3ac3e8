import type { Db } from '../data-source/db';
import type { Contact } from '../repositories/contact.repository';
import type { ConversationState } from '../repositories/conversation.repository';
import type { CurrentConsent } from '../repositories/consent.repository';
import type { PhoneNumber } from '../repositories/account.repository';
import type { Template } from '../repositories/template.repository';
import { ContactEntity } from '../entities/contact.entity';
import { ConversationStateEntity } from '../entities/conversation-state.entity';
import { CurrentConsentEntity } from '../entities/current-consent.entity';
import { PhoneNumberEntity } from '../entities/phone-number.entity';
import { TemplateEntity } from '../entities/template.entity';
import { groupBy, pairKey, templateKey } from './fact-keys';
import { loadExistingCommands, loadRecentSends, type ExistingCommand, type RecentSendRow } from './dispatch-facts.queries';

/** What one command needs looked up; ids are Meta's, as commands carry them. */
export interface FactRequest {
  readonly commandId: string;
  readonly metaPhoneNumberId: string;
  readonly waId?: string;
  readonly businessScopedUserId?: string;
  readonly template?: { readonly name: string; readonly language: string };
}

export interface PhoneNumberFacts extends PhoneNumber {
  /** The portfolio's messaging limit (per portfolio since 2025-10), else the number's own. */
  readonly portfolioMessagingLimitTier: string | null;
}

export interface DispatchFacts {
  readonly phoneNumbers: ReadonlyMap<string, PhoneNumberFacts>;
  /** By `wa_id` and by business-scoped user id. */
  readonly contacts: ReadonlyMap<string, Contact>;
  readonly consent: ReadonlyMap<string, readonly CurrentConsent[]>;
  /** By `pairKey(phoneNumberId, contactId)`. */
  readonly conversationStates: ReadonlyMap<string, ConversationState>;
  /** By `templateKey(wabaId, name, language)`: the requested ones whatever their status, and every APPROVED one of the WABAs (suggestions). */
  readonly templates: ReadonlyMap<string, Template>;
  readonly recentSends: ReadonlyMap<string, readonly RecentSendRow[]>;
  /** Commands already recorded: redelivered or duplicated. */
  readonly existingCommands: ReadonlyMap<string, ExistingCommand>;
}

/**
 * Loads everything `decide()` needs for a batch of one tenant's commands in seven queries,
 * whatever the batch size. Contacts not found are simply absent (new contacts).
 */
export async function loadDispatchFacts(db: Db, tenantId: string, requests: readonly FactRequest[], recentSince: Date): Promise<DispatchFacts> {
  const phones = await db
    .getRepository(PhoneNumberEntity)
    .createQueryBuilder('phone')
    .leftJoinAndSelect('phone.portfolio', 'portfolio')
    .where('phone.tenant_id = :tenantId AND phone.meta_phone_number_id = ANY(:ids)', { tenantId, ids: unique(requests.map((r) => r.metaPhoneNumberId)) })
    .getMany();
  const phoneNumbers = new Map(phones.map(({ portfolio, tenant: _t, waba: _w, ...phone }) => [
    phone.metaPhoneNumberId,
    { ...phone, portfolioMessagingLimitTier: portfolio?.messagingLimitTier ?? phone.messagingLimitTier },
  ]));

  const waIds = unique(requests.flatMap((r) => (r.waId ? [r.waId] : [])));
  const bsuids = unique(requests.flatMap((r) => (r.businessScopedUserId ? [r.businessScopedUserId] : [])));
  const contactRows = await db
    .getRepository(ContactEntity)
    .createQueryBuilder('contact')
    .where('contact.tenant_id = :tenantId AND (contact.wa_id = ANY(:waIds) OR contact.business_scoped_user_id = ANY(:bsuids))', { tenantId, waIds, bsuids })
    .getMany();
  const contacts = new Map<string, Contact>();
  for (const { tenant: _t, ...contact } of contactRows) {
    if (contact.waId) contacts.set(contact.waId, contact);
    if (contact.businessScopedUserId) contacts.set(contact.businessScopedUserId, contact);
  }
  const contactIds = contactRows.map((contact) => contact.id);

  const consentRows = await db
    .getRepository(CurrentConsentEntity)
    .createQueryBuilder('consent')
    .where('consent.tenant_id = :tenantId AND consent.contact_id = ANY(:contactIds)', { tenantId, contactIds })
    .getMany();

  const pairs = pairsOf(requests, phoneNumbers, contacts);
  const stateRows = await db
    .getRepository(ConversationStateEntity)
    .createQueryBuilder('state')
    .where('state.tenant_id = :tenantId', { tenantId })
    .andWhere('(state.phone_number_id, state.contact_id) IN (SELECT * FROM unnest(CAST(:phones AS uuid[]), CAST(:contacts AS uuid[])))')
    .setParameters({ phones: pairs.map((p) => p.phoneNumberId), contacts: pairs.map((p) => p.contactId) })
    .getMany();

  const templateRows = await loadTemplates(db, tenantId, requests, phoneNumbers);
  const recent = await loadRecentSends(db, tenantId, pairs, recentSince);
  const existingCommands = await loadExistingCommands(db, tenantId, requests.map((r) => r.commandId));

  return {
    phoneNumbers,
    contacts,
    consent: groupBy(consentRows.map(({ contact: _c, record: _r, ...row }) => row), (row) => row.contactId),
    conversationStates: new Map(stateRows.map(({ phoneNumber: _p, contact: _c, ...state }) => [pairKey(state.phoneNumberId, state.contactId), state])),
    templates: new Map(templateRows.map(({ waba: _w, ...template }) => [templateKey(template.wabaId, template.name, template.language), template])),
    recentSends: groupBy(recent, (row) => pairKey(row.phoneNumberId, row.contactId)),
    existingCommands,
  };
}

async function loadTemplates(db: Db, tenantId: string, requests: readonly FactRequest[], phones: ReadonlyMap<string, PhoneNumber>): Promise<TemplateEntity[]> {
  const wanted = requests.flatMap((r) => {
    const phone = phones.get(r.metaPhoneNumberId);
    return r.template && phone ? [{ wabaId: phone.wabaId, ...r.template }] : [];
  });
  return db
    .getRepository(TemplateEntity)
    .createQueryBuilder('template')
    .where('template.tenant_id = :tenantId AND template.waba_id = ANY(:wabaIds)', { tenantId, wabaIds: unique([...phones.values()].map((p) => p.wabaId)) })
    .andWhere(
      `(template.status = 'APPROVED' OR (template.waba_id, template.name, template.language) IN
        (SELECT * FROM unnest(CAST(:tWabas AS uuid[]), CAST(:tNames AS text[]), CAST(:tLanguages AS text[]))))`,
      { tWabas: wanted.map((w) => w.wabaId), tNames: wanted.map((w) => w.name), tLanguages: wanted.map((w) => w.language) },
    )
    .getMany();
}

function pairsOf(requests: readonly FactRequest[], phones: ReadonlyMap<string, PhoneNumber>, contacts: ReadonlyMap<string, Contact>): { phoneNumberId: string; contactId: string }[] {
  const pairs = new Map<string, { phoneNumberId: string; contactId: string }>();
  for (const request of requests) {
    const phone = phones.get(request.metaPhoneNumberId);
    const contact = contacts.get(request.waId ?? '') ?? contacts.get(request.businessScopedUserId ?? '');
    if (phone && contact) pairs.set(pairKey(phone.id, contact.id), { phoneNumberId: phone.id, contactId: contact.id });
  }
  return [...pairs.values()];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
