import { eventDraft } from './drafts';
import { entryOccurredAt, factTime } from './entry-time';
import { jsonText, restOf, textOf, type JsonObject } from './json-values';
import { idText } from './meta-ids';
import type { EntryScope, Finding, MetaEventKind } from './normalise.types';

// Account-level values have no single "new value" (limits, tiers, violations…): the value's
// text identifies the fact, so two tier updates in one entry keep distinct ids.
const accountEventId = (kind: MetaEventKind, scope: EntryScope, subject: unknown, value: JsonObject): string[] =>
  [kind, textOf(scope.wabaId), textOf(subject), jsonText(value), factTime(scope, undefined, value)];

const account = (scope: EntryScope) => ({ wabaId: scope.wabaId, occurredAt: entryOccurredAt(scope) });

const QUALITY_KEYS = ['phone_number_id', 'display_phone_number', 'event', 'current_limit', 'old_limit', 'max_daily_conversations_per_business'];

/** `phone_number_quality_update`: quality, messaging limit and throughput (RULES.md §7). */
export function phoneNumberQualityChange(value: JsonObject, scope: EntryScope): Finding[] {
  const displayPhoneNumber = idText(value['display_phone_number']);
  const data = {
    ...restOf(value, QUALITY_KEYS),
    ...account(scope),
    phoneNumberId: idText(value['phone_number_id']),
    displayPhoneNumber,
    event: value['event'],
    currentLimit: value['current_limit'],
    oldLimit: value['old_limit'],
    maxDailyConversationsPerBusiness: value['max_daily_conversations_per_business'],
  };
  return [eventDraft('phoneNumberQualityUpdated', accountEventId('phoneNumberQualityUpdated', scope, displayPhoneNumber, value), data, value)];
}

const CAPABILITY_KEYS = ['max_daily_conversations_per_business', 'max_daily_conversation_per_phone', 'max_phone_numbers_per_business'];

/** `business_capability_update`: the portfolio's messaging limit and number count (RULES.md §7.3). */
export function businessCapabilityChange(value: JsonObject, scope: EntryScope): Finding[] {
  const data = {
    ...restOf(value, CAPABILITY_KEYS),
    ...account(scope),
    maxDailyConversationsPerBusiness: value['max_daily_conversations_per_business'],
    maxDailyConversationPerPhone: value['max_daily_conversation_per_phone'],
    maxPhoneNumbersPerBusiness: value['max_phone_numbers_per_business'],
  };
  return [eventDraft('businessCapabilityUpdated', accountEventId('businessCapabilityUpdated', scope, scope.wabaId, value), data, value)];
}

/** `account_update`: `event`, and everything else Meta sent as `details`. */
export function accountUpdateChange(value: JsonObject, scope: EntryScope): Finding[] {
  const details = restOf(value, ['event', 'phone_number_id']);
  const data = {
    ...account(scope),
    phoneNumberId: idText(value['phone_number_id']),
    event: value['event'],
    details: Object.keys(details).length > 0 ? details : undefined,
  };
  const subject = value['phone_number_id'] ?? value['phone_number'] ?? scope.wabaId;
  return [eventDraft('accountUpdated', accountEventId('accountUpdated', scope, idText(subject), value), data, value)];
}
