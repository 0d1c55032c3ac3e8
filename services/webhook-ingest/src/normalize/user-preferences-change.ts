import { businessNumberOf } from './business-number';
import { eventDraft, notAnArray, unclassifiedDraft } from './drafts';
import { isRecord, restOf, textOf, type JsonObject } from './json-values';
import { idText } from './meta-ids';
import type { EntryScope, Finding } from './normalise.types';
import { isoOrRaw } from './unix-time';

const CONSUMED = ['wa_id', 'user_id', 'category', 'value', 'detail', 'timestamp'];

/** `user_preferences` (RULES.md §5.2): one event per `user_preferences[]` item. */
export function userPreferencesChange(value: JsonObject, scope: EntryScope): Finding[] {
  const items = value['user_preferences'];
  if (!Array.isArray(items)) return [unclassifiedDraft('INVALID_ITEM', value, [notAnArray('user_preferences')])];
  const number = businessNumberOf(value, scope);
  return items.map((item: unknown) => {
    const fields = isRecord(item) ? item : {};
    const waId = idText(fields['wa_id']);
    const data = {
      ...restOf(fields, CONSUMED),
      ...number,
      waId,
      userId: fields['user_id'],
      category: fields['category'],
      value: fields['value'],
      detail: fields['detail'],
      occurredAt: isoOrRaw(fields['timestamp']),
    };
    const facts = [number.phoneNumberId, waId ?? fields['user_id'], fields['category'], fields['value'], fields['timestamp']];
    return eventDraft('userPreferenceUpdated', ['userPreferenceUpdated', ...facts.map(textOf)], data, item);
  });
}
