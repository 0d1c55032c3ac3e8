import { changeOutcomes } from './change-router';
import { isRecord } from './json-values';
import { idText, validMetaId } from './meta-ids';
import type { MetaEventKind, NormalisedEvent, NormalisedWebhook, WebhookContext } from './normalise.types';
import type { Outcome } from './settle-finding';
import { unclassifiedEvent } from './unclassified';

const isEnvelope = (body: unknown): body is { readonly entry: readonly unknown[] } =>
  isRecord(body) && body['object'] === 'whatsapp_business_account' && Array.isArray(body['entry']);

function entryOutcomes(entry: unknown, index: number, context: WebhookContext): Outcome[] {
  const wabaId = isRecord(entry) ? idText(entry['id']) : undefined;
  if (!isRecord(entry) || !Array.isArray(entry['changes'])) {
    const errors = [{ path: `entry.${index}.changes`, message: 'Invalid input: expected array' }];
    return [{ type: 'unclassified', event: unclassifiedEvent({ context, wabaId }, 'INVALID_ITEM', entry, errors) }];
  }
  const scope = { context, wabaId, entryTime: entry['time'] };
  return entry['changes'].flatMap((change: unknown, at) => changeOutcomes(change, scope, `entry.${index}.changes.${at}`));
}

const wabaIdsOf = (entries: readonly unknown[]): string[] => {
  const ids = entries.map((entry) => (isRecord(entry) ? validMetaId(entry['id']) : undefined));
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
};

/**
 * Turns a Meta webhook body (already parsed JSON) into Recado events. Every entry, change
 * and item is kept: what matches no event schema comes back as `unclassified`. Never throws
 * for any body; `context` must be valid (a 1–200 character request id, a valid date).
 */
export function normaliseWebhook(body: unknown, context: WebhookContext): NormalisedWebhook {
  if (!isEnvelope(body)) return { events: [], unclassified: [unclassifiedEvent({ context }, 'UNEXPECTED_BODY', body)], wabaIds: [] };
  const outcomes = body.entry.flatMap((entry, index) => entryOutcomes(entry, index, context));
  const events: NormalisedEvent<MetaEventKind>[] = [];
  const unclassified: NormalisedEvent<'unclassifiedWebhook'>[] = [];
  for (const outcome of outcomes) {
    if (outcome.type === 'event') events.push(outcome.event);
    else unclassified.push(outcome.event);
  }
  return { events, unclassified, wabaIds: wabaIdsOf(body.entry) };
}
