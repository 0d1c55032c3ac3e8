import { accountUpdateChange, businessCapabilityChange, phoneNumberQualityChange } from './account-changes';
import { isRecord } from './json-values';
import { messagesChange } from './messages-change';
import { idText } from './meta-ids';
import type { ChangeHandler, EntryScope } from './normalise.types';
import { settleFinding, type Outcome } from './settle-finding';
import { templateCategoryChange, templateQualityChange, templateStatusChange } from './template-changes';
import { unclassifiedEvent } from './unclassified';
import { userPreferencesChange } from './user-preferences-change';

/** The `changes[].field` values Recado has events for; every other field is unclassified. */
export const CHANGE_HANDLERS: ReadonlyMap<string, ChangeHandler> = new Map([
  ['messages', messagesChange],
  ['message_template_status_update', templateStatusChange],
  ['template_category_update', templateCategoryChange],
  ['message_template_quality_update', templateQualityChange],
  ['phone_number_quality_update', phoneNumberQualityChange],
  ['business_capability_update', businessCapabilityChange],
  ['account_update', accountUpdateChange],
  ['user_preferences', userPreferencesChange],
]);

/** One `changes[]` item; `path` locates it in the body (`entry.0.changes.1`) for error reports. */
export function changeOutcomes(change: unknown, scope: EntryScope, path: string): Outcome[] {
  const { context, wabaId } = scope;
  if (!isRecord(change) || typeof change['field'] !== 'string') {
    const errors = [{ path: `${path}.field`, message: 'Invalid input: expected string' }];
    return [{ type: 'unclassified', event: unclassifiedEvent({ context, wabaId }, 'INVALID_ITEM', change, errors) }];
  }
  const field = change['field'];
  const value = change['value'];
  const handler = CHANGE_HANDLERS.get(field);
  if (handler === undefined) return [{ type: 'unclassified', event: unclassifiedEvent({ context, wabaId, field }, 'UNKNOWN_FIELD', value) }];
  if (!isRecord(value)) {
    const errors = [{ path: `${path}.value`, message: 'Invalid input: expected object' }];
    return [{ type: 'unclassified', event: unclassifiedEvent({ context, wabaId, field }, 'INVALID_ITEM', value, errors) }];
  }
  const metadata = isRecord(value['metadata']) ? value['metadata'] : {};
  const unclassifiedScope = { context, wabaId, field, phoneNumberId: idText(metadata['phone_number_id']) };
  return handler(value, scope).map((finding) => settleFinding(finding, unclassifiedScope));
}
