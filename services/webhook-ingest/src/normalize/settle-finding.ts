import { deterministicEventId, EVENTS, toValidationErrors } from '@recado/contracts';
import type { EventDraft, Finding, MetaEventKind, NormalisedEvent } from './normalise.types';
import { unclassifiedEvent, type UnclassifiedScope } from './unclassified';

export type Outcome =
  | { readonly type: 'event'; readonly event: NormalisedEvent<MetaEventKind> }
  | { readonly type: 'unclassified'; readonly event: NormalisedEvent<'unclassifiedWebhook'> };

/** Validates a draft against its kind's schema, so that the caller can publish whatever comes back. */
export function settleFinding(finding: Finding, scope: UnclassifiedScope): Outcome {
  if (finding.type === 'unclassified') {
    return { type: 'unclassified', event: unclassifiedEvent(scope, finding.reasonCode, finding.payload, finding.errors) };
  }
  return settleDraft(finding, scope);
}

function settleDraft(draft: EventDraft, scope: UnclassifiedScope): Outcome {
  const parsed = EVENTS[draft.kind].schema.safeParse(draft.data);
  if (!parsed.success) {
    const errors = toValidationErrors(parsed.error.issues);
    return { type: 'unclassified', event: unclassifiedEvent(scope, 'INVALID_ITEM', draft.source, errors) };
  }
  const event = { kind: draft.kind, id: deterministicEventId(...draft.idParts), data: parsed.data } as NormalisedEvent<MetaEventKind>;
  return { type: 'event', event };
}
