import type { BusinessNumber } from './business-number';
import { senderContact } from './contacts';
import { eventDraft } from './drafts';
import { isRecord, textOf } from './json-values';
import { isWaId } from './meta-ids';
import type { Finding } from './normalise.types';
import { isoOrRaw } from './unix-time';

/** One `messages[]` item: `message` is the item exactly as Meta sent it. */
export function inboundMessageDraft(item: unknown, number: BusinessNumber, contacts: unknown): Finding {
  const fields = isRecord(item) ? item : {};
  const from = fields['from'];
  // `from` is a phone number, or the BSUID of a user whose number Meta withholds.
  const fromBsuid = typeof from === 'string' && !isWaId(from) ? from : undefined;
  const userIdHint = fields['from_user_id'] ?? fields['user_id'] ?? fromBsuid;
  const contact = senderContact(contacts, from, userIdHint);
  const data = {
    ...number,
    waId: contact?.waId ?? (isWaId(from) ? from : undefined),
    userId: userIdHint ?? contact?.userId,
    profileName: contact?.profileName,
    username: contact?.username ?? fields['username'],
    occurredAt: isoOrRaw(fields['timestamp']),
    message: item,
  };
  return eventDraft('inboundMessage', ['inbound', textOf(fields['id'])], data, item);
}
