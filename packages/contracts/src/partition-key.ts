import type { ParseResult } from './validation';

export interface ContactKey {
  readonly phoneNumberId: string;
  /** waId (phone digits) or, for users known only by it, the business-scoped user id. */
  readonly contactId: string;
}

const PHONE_NUMBER_ID = /^\d{1,32}$/;
const CONTACT_ID = /^[^:\s]{1,256}$/;

/** The key that keeps one contact's messages in one partition, in order: `phoneNumberId:contactId`. */
export const contactKey = (phoneNumberId: string, contactId: string): string => {
  if (!PHONE_NUMBER_ID.test(phoneNumberId)) throw new RangeError(`phoneNumberId must be digits: ${JSON.stringify(phoneNumberId)}`);
  if (!CONTACT_ID.test(contactId)) throw new RangeError(`contactId must be non-empty, without ":" or spaces: ${JSON.stringify(contactId)}`);
  return `${phoneNumberId}:${contactId}`;
};

export const parseContactKey = (key: string): ParseResult<ContactKey> => {
  const separator = key.indexOf(':');
  const phoneNumberId = separator < 0 ? key : key.slice(0, separator);
  const contactId = separator < 0 ? '' : key.slice(separator + 1);
  const errors = [
    ...(PHONE_NUMBER_ID.test(phoneNumberId) ? [] : [{ path: 'phoneNumberId', message: 'must be digits before ":"' }]),
    ...(CONTACT_ID.test(contactId) ? [] : [{ path: 'contactId', message: 'must be non-empty after ":", without ":" or spaces' }]),
  ];
  return errors.length === 0 ? { ok: true, value: { phoneNumberId, contactId } } : { ok: false, errors };
};
