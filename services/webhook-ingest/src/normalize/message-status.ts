import type { BusinessNumber } from './business-number';
import { matchingContact } from './contacts';
import { eventDraft } from './drafts';
import { isRecord, restOf, textOf } from './json-values';
import { idText, isWaId } from './meta-ids';
import type { Finding } from './normalise.types';
import { isoOrRaw } from './unix-time';

const CONSUMED = [
  'id', 'status', 'timestamp', 'recipient_id', 'recipient_user_id', 'user_id', 'recipient_type',
  'recipient_participant_id', 'biz_opaque_callback_data', 'pricing', 'conversation', 'errors',
];

const errorCodes = (errors: unknown): string[] =>
  (Array.isArray(errors) ? errors : []).map((error) => (isRecord(error) ? textOf(error['code']) : ''));

/** One `statuses[]` item; `pricing`, `conversation` and `errors` keep Meta's shape. */
export function messageStatusDraft(item: unknown, number: BusinessNumber, contacts: unknown): Finding {
  const fields = isRecord(item) ? item : {};
  const recipientId = idText(fields['recipient_id']);
  const userIdHint = fields['recipient_user_id'] ?? fields['user_id'];
  const data = {
    ...restOf(fields, CONSUMED),
    ...number,
    // A group send's recipient_id is the group id, not a user.
    waId: isWaId(recipientId) ? recipientId : undefined,
    userId: userIdHint ?? matchingContact(contacts, recipientId, undefined)?.userId,
    wamid: fields['id'],
    status: fields['status'],
    occurredAt: isoOrRaw(fields['timestamp']),
    recipientId,
    recipientType: fields['recipient_type'],
    recipientParticipantId: fields['recipient_participant_id'],
    bizOpaqueCallbackData: fields['biz_opaque_callback_data'],
    pricing: fields['pricing'],
    conversation: fields['conversation'],
    errors: fields['errors'],
  };
  const status = textOf(fields['status']);
  const idParts = ['status', textOf(fields['id']), status, textOf(fields['timestamp'])];
  return eventDraft('messageStatus', status === 'failed' ? [...idParts, ...errorCodes(fields['errors'])] : idParts, data, item);
}
