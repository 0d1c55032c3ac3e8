import { isRecord, type JsonObject } from './json-values';
import { idText } from './meta-ids';

/** A `contacts[]` entry as far as identity goes (`wa_id`, 2026 BSUID `user_id`, profile). */
export interface ContactFacts {
  readonly waId: unknown;
  readonly userId: unknown;
  readonly profileName: unknown;
  readonly username: unknown;
}

const factsOf = (contact: JsonObject): ContactFacts => {
  const profile = isRecord(contact['profile']) ? contact['profile'] : {};
  return {
    waId: idText(contact['wa_id']),
    userId: contact['user_id'],
    profileName: profile['name'],
    username: profile['username'] ?? contact['username'],
  };
};

const contactsIn = (contacts: unknown): ContactFacts[] => (Array.isArray(contacts) ? contacts : []).filter(isRecord).map(factsOf);

const findMatch = (known: readonly ContactFacts[], waId: unknown, userId: unknown): ContactFacts | undefined =>
  known.find((contact) => (waId !== undefined && contact.waId === idText(waId)) || (userId !== undefined && contact.userId === userId));

/** The contact whose `wa_id` or `user_id` is the one given. */
export const matchingContact = (contacts: unknown, waId: unknown, userId: unknown): ContactFacts | undefined =>
  findMatch(contactsIn(contacts), waId, userId);

/** The sender of a message: the matching contact, else the only one given (a user with no `from`). */
export function senderContact(contacts: unknown, waId: unknown, userId: unknown): ContactFacts | undefined {
  const known = contactsIn(contacts);
  return findMatch(known, waId, userId) ?? (known.length === 1 ? known[0] : undefined);
}
