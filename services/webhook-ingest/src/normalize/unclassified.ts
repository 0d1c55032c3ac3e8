import { deterministicEventId, type ValidationError } from '@recado/contracts';
import { compact, jsonText } from './json-values';
import { validMetaId } from './meta-ids';
import type { NormalisedEvent, WebhookContext } from './normalise.types';

export type UnclassifiedReason =
  /** The body is not `{ object: 'whatsapp_business_account', entry: [...] }`. */
  | 'UNEXPECTED_BODY'
  /** A `changes[].field` Recado has no event for (`security`, `history`, groups…). */
  | 'UNKNOWN_FIELD'
  /** An entry, change or item in the wrong shape, or data its kind's schema rejects. */
  | 'INVALID_ITEM'
  /** A `messages` value with `errors[]` of its own (system or app-level errors). */
  | 'WEBHOOK_ERRORS'
  /** A known field whose value holds nothing Recado knows, or arrays it does not know. */
  | 'UNKNOWN_SHAPE';

export interface UnclassifiedScope {
  readonly context: WebhookContext;
  readonly wabaId?: unknown;
  readonly phoneNumberId?: unknown;
  readonly field?: string;
}

export function unclassifiedEvent(
  scope: UnclassifiedScope,
  reasonCode: UnclassifiedReason,
  payload: unknown,
  errors?: readonly ValidationError[],
): NormalisedEvent<'unclassifiedWebhook'> {
  const wabaId = validMetaId(scope.wabaId);
  // JSON has no `undefined`: a missing payload would vanish on the wire and fail the schema.
  const kept = payload === undefined ? null : payload;
  const data = compact({
    requestId: scope.context.requestId,
    receivedAt: scope.context.receivedAt.toISOString(),
    wabaId,
    phoneNumberId: validMetaId(scope.phoneNumberId),
    field: scope.field,
    reasonCode,
    errors: errors?.map(({ path, message }) => ({ path, message })),
    payload: kept,
  });
  const id = deterministicEventId('unclassified', wabaId ?? '', scope.field ?? '', jsonText(kept));
  return { kind: 'unclassifiedWebhook', id, data };
}
