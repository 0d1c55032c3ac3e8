import { isRecord, type JsonObject } from './json-values';
import { idText } from './meta-ids';
import type { EntryScope } from './normalise.types';

/** The business side of a `messages` or `user_preferences` value: WABA and phone number. */
export interface BusinessNumber {
  readonly wabaId: unknown;
  readonly phoneNumberId: unknown;
  readonly displayPhoneNumber: unknown;
}

export function businessNumberOf(value: JsonObject, scope: EntryScope): BusinessNumber {
  const metadata = isRecord(value['metadata']) ? value['metadata'] : {};
  return {
    wabaId: scope.wabaId,
    phoneNumberId: idText(metadata['phone_number_id']),
    displayPhoneNumber: idText(metadata['display_phone_number']),
  };
}
