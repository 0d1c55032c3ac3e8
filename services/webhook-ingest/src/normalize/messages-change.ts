import { businessNumberOf } from './business-number';
import { notAnArray, unclassifiedDraft } from './drafts';
import { inboundMessageDraft } from './inbound-message';
import type { JsonObject } from './json-values';
import { messageStatusDraft } from './message-status';
import type { EntryScope, Finding } from './normalise.types';

const ITEM_ARRAYS = ['messages', 'statuses'];
const KNOWN_ARRAYS = [...ITEM_ARRAYS, 'contacts', 'errors'];

const itemsAt = (value: JsonObject, key: string): readonly unknown[] => {
  const items = value[key];
  return Array.isArray(items) ? items : [];
};

/** `field: messages`: one draft per `messages[]` and `statuses[]` item, plus what the value says by itself. */
export function messagesChange(value: JsonObject, scope: EntryScope): Finding[] {
  const number = businessNumberOf(value, scope);
  const contacts = value['contacts'];
  const findings = [
    ...itemsAt(value, 'messages').map((item) => inboundMessageDraft(item, number, contacts)),
    ...itemsAt(value, 'statuses').map((item) => messageStatusDraft(item, number, contacts)),
  ];
  const leftover = valueFinding(value);
  return leftover === undefined ? findings : [...findings, leftover];
}

/** At most one unclassified per value, carrying the whole value, so nothing in it is dropped. */
function valueFinding(value: JsonObject): Finding | undefined {
  const present = (key: string): boolean => Object.hasOwn(value, key);
  const malformed = KNOWN_ARRAYS.filter((key) => key !== 'errors' && present(key) && !Array.isArray(value[key]));
  if (malformed.length > 0) return unclassifiedDraft('INVALID_ITEM', value, malformed.map(notAnArray));
  if (present('errors')) return unclassifiedDraft('WEBHOOK_ERRORS', value);
  const unknownArrays = Object.keys(value).filter((key) => Array.isArray(value[key]) && !KNOWN_ARRAYS.includes(key));
  const hasItems = ITEM_ARRAYS.some(present);
  return unknownArrays.length > 0 || !hasItems ? unclassifiedDraft('UNKNOWN_SHAPE', value) : undefined;
}
