import fc from 'fast-check';
import { isRecord } from './json-values';
import { normaliseWebhook } from './normalise-webhook';
import type { NormalisedEvent, NormalisedWebhook } from './normalise.types';
import { expectPublishable, idsOf } from './test/expectations';
import { CONTEXT, RETRY } from './test/webhook-bodies';
import { envelopeArb } from './test/webhook-arbitraries';

const runs = { numRuns: 300 };

/** Every `messages[]` and `statuses[]` item of every `messages` change of a body. */
function itemsOf(body: { entry: unknown[] }): unknown[] {
  return body.entry.flatMap((entry) =>
    (isRecord(entry) && Array.isArray(entry['changes']) ? entry['changes'] : []).flatMap((change: unknown) => {
      if (!isRecord(change) || change['field'] !== 'messages' || !isRecord(change['value'])) return [];
      const value = change['value'];
      return ['messages', 'statuses'].flatMap((key) => (Array.isArray(value[key]) ? (value[key] as unknown[]) : []));
    }));
}

// Value-level problems name the array (`messages`) or the body path (`entry.0…`); item ones name data fields.
const VALUE_LEVEL_PATHS = /^(entry\.|messages$|statuses$|contacts$)/;
const isItemLevel = (event: NormalisedEvent<'unclassifiedWebhook'>): boolean =>
  event.data.field === 'messages' && event.data.reasonCode === 'INVALID_ITEM' && !(event.data.errors ?? []).some((error) => VALUE_LEVEL_PATHS.test(error.path));

/** How many items the result accounts for: one event or one unclassified (the item itself) each. */
function accountedItems(result: NormalisedWebhook, items: readonly unknown[]): number {
  const remaining = [...items];
  const unclassified = result.unclassified.filter(isItemLevel).filter((event) => {
    const at = remaining.indexOf(event.data.payload);
    if (at >= 0) remaining.splice(at, 1);
    return at >= 0;
  });
  return result.events.filter((event) => event.kind === 'inboundMessage' || event.kind === 'messageStatus').length + unclassified.length;
}

describe('normaliseWebhook — properties', () => {
  it('never throws for any JSON, and all it returns can be published', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        expectPublishable(normaliseWebhook(body, CONTEXT));
      }),
      runs,
    );
  });

  it('never throws even for values JSON cannot hold', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withBoxedValues: true }), (body) => {
        expect(() => normaliseWebhook({ object: 'whatsapp_business_account', entry: [body] }, CONTEXT)).not.toThrow();
        expect(() => normaliseWebhook(body, CONTEXT)).not.toThrow();
      }),
      runs,
    );
  });

  it('never throws for envelopes with anything inside, and all it returns can be published', () => {
    fc.assert(
      fc.property(envelopeArb, (body) => {
        expectPublishable(normaliseWebhook(body, CONTEXT));
      }),
      runs,
    );
  });

  it('accounts for every messages[] and statuses[] item: an event, or an unclassified carrying the item', () => {
    fc.assert(
      fc.property(envelopeArb, (body) => {
        const items = itemsOf(body);
        expect(accountedItems(normaliseWebhook(body, CONTEXT), items)).toBe(items.length);
      }),
      runs,
    );
  });

  it('gives the same ids whatever the request, since every fact carries its own time or text', () => {
    fc.assert(
      fc.property(envelopeArb, (body) => {
        expect(idsOf(normaliseWebhook(structuredClone(body), RETRY))).toEqual(idsOf(normaliseWebhook(body, CONTEXT)));
      }),
      runs,
    );
  });
});
