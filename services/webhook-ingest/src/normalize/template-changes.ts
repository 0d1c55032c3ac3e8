import { eventDraft } from './drafts';
import { entryOccurredAt, factTime } from './entry-time';
import { restOf, textOf, type JsonObject } from './json-values';
import { idText } from './meta-ids';
import type { EntryScope, Finding } from './normalise.types';
import { isoOrRaw } from './unix-time';

const TEMPLATE_KEYS = ['message_template_id', 'message_template_name', 'message_template_language'];

const templateOf = (value: JsonObject, scope: EntryScope) => ({
  wabaId: scope.wabaId,
  templateId: idText(value['message_template_id']),
  templateName: value['message_template_name'],
  templateLanguage: value['message_template_language'],
  occurredAt: entryOccurredAt(scope),
});

const idStart = (kind: string, value: JsonObject, scope: EntryScope): string[] =>
  [kind, textOf(scope.wabaId), textOf(idText(value['message_template_id']))];

const STATUS_KEYS = [...TEMPLATE_KEYS, 'event', 'reason', 'message_template_category', 'category', 'rejection_info', 'disable_info', 'other_info'];

/** `message_template_status_update` (RULES.md §3.6). */
export function templateStatusChange(value: JsonObject, scope: EntryScope): Finding[] {
  // An older copy of Meta's docs printed quality updates under this field: route on the shape too (RULES.md §3.7).
  if (!Object.hasOwn(value, 'event') && Object.hasOwn(value, 'new_quality_score')) return templateQualityChange(value, scope);
  const data = {
    ...restOf(value, STATUS_KEYS),
    ...templateOf(value, scope),
    event: value['event'],
    reason: value['reason'],
    category: value['message_template_category'] ?? value['category'],
    rejectionInfo: value['rejection_info'],
    disableInfo: value['disable_info'],
    otherInfo: value['other_info'],
  };
  const idParts = [...idStart('templateStatusUpdated', value, scope), textOf(value['event']), factTime(scope, undefined, value)];
  return [eventDraft('templateStatusUpdated', idParts, data, value)];
}

const CATEGORY_KEYS = [...TEMPLATE_KEYS, 'new_category', 'previous_category', 'correct_category', 'category_update_timestamp'];

/** `template_category_update` (RULES.md §3.3): impending (`correct_category` + when) or completed (`previous_category`). */
export function templateCategoryChange(value: JsonObject, scope: EntryScope): Finding[] {
  const data = {
    ...restOf(value, CATEGORY_KEYS),
    ...templateOf(value, scope),
    newCategory: value['new_category'],
    previousCategory: value['previous_category'],
    correctCategory: value['correct_category'],
    categoryUpdateAt: isoOrRaw(value['category_update_timestamp']),
  };
  const categories = [value['new_category'], value['previous_category'], value['correct_category']].map(textOf);
  const idParts = [...idStart('templateCategoryUpdated', value, scope), ...categories, factTime(scope, value['category_update_timestamp'], value)];
  return [eventDraft('templateCategoryUpdated', idParts, data, value)];
}

const QUALITY_KEYS = [...TEMPLATE_KEYS, 'previous_quality_score', 'new_quality_score'];

/** `message_template_quality_update` (RULES.md §3.7). */
export function templateQualityChange(value: JsonObject, scope: EntryScope): Finding[] {
  const data = {
    ...restOf(value, QUALITY_KEYS),
    ...templateOf(value, scope),
    previousQualityScore: value['previous_quality_score'],
    newQualityScore: value['new_quality_score'],
  };
  const scores = [value['new_quality_score'], value['previous_quality_score']].map(textOf);
  const idParts = [...idStart('templateQualityUpdated', value, scope), ...scores, factTime(scope, undefined, value)];
  return [eventDraft('templateQualityUpdated', idParts, data, value)];
}
