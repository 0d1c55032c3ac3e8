import type { Db } from '../data-source/db';
import type { Contact } from '../repositories/contact.repository';
import type { ConversationState } from '../repositories/conversation.repository';
import type { CurrentConsent } from '../repositories/consent.repository';
import type { PhoneNumber } from '../repositories/account.repository';
import type { Template } from '../repositories/template.repository';
import { groupBy, pairKey, templateKey } from './fact-keys';
import { loadContacts, loadConversationStates, loadCurrentConsent, loadPhoneNumbers, loadTemplates, type TemplateKey } from './dispatch-facts.lookups';
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
 * whatever the batch size, run side by side in two rounds (on a pool, over several
 * connections). Contacts not found are simply absent (new contacts).
 */
export async function loadDispatchFacts(db: Db, tenantId: string, requests: readonly FactRequest[], recentSince: Date): Promise<DispatchFacts> {
  const [phoneNumbers, contacts, existingCommands] = await Promise.all([
    loadPhoneNumbers(db, tenantId, unique(requests.map((r) => r.metaPhoneNumberId))),
    loadContacts(db, tenantId, {
      waIds: unique(requests.flatMap((r) => (r.waId ? [r.waId] : []))),
      businessScopedUserIds: unique(requests.flatMap((r) => (r.businessScopedUserId ? [r.businessScopedUserId] : []))),
    }),
    loadExistingCommands(db, tenantId, requests.map((r) => r.commandId)),
  ]);
  const pairs = pairsOf(requests, phoneNumbers, contacts);
  const [consent, conversationStates, templates, recent] = await Promise.all([
    loadCurrentConsent(db, tenantId, unique([...contacts.values()].map((contact) => contact.id))),
    loadConversationStates(db, tenantId, pairs),
    loadTemplates(db, tenantId, wantedTemplates(requests, phoneNumbers), unique([...phoneNumbers.values()].map((p) => p.wabaId))),
    loadRecentSends(db, tenantId, pairs, recentSince),
  ]);
  return {
    phoneNumbers,
    contacts,
    consent: groupBy(consent, (row) => row.contactId),
    conversationStates: new Map(conversationStates.map((state) => [pairKey(state.phoneNumberId, state.contactId), state])),
    templates: new Map(templates.map((template) => [templateKey(template.wabaId, template.name, template.language), template])),
    recentSends: groupBy(recent, (row) => pairKey(row.phoneNumberId, row.contactId)),
    existingCommands,
  };
}

function wantedTemplates(requests: readonly FactRequest[], phones: ReadonlyMap<string, PhoneNumber>): TemplateKey[] {
  return requests.flatMap((r) => {
    const phone = phones.get(r.metaPhoneNumberId);
    return r.template && phone ? [{ wabaId: phone.wabaId, ...r.template }] : [];
  });
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
