import fc from 'fast-check';
import { CHANGE_HANDLERS } from '../change-router';
import { DISPLAY_PHONE_NUMBER, PHONE_NUMBER_ID, WA_ID, WABA_ID } from './webhook-bodies';

// Mostly valid items, some broken ones and any JSON now and then: events and INVALID_ITEM both common.
const timestampArb = fc.integer({ min: 0, max: 2_000_000_000 }).map(String);
const wamidArb = fc.string({ minLength: 1, maxLength: 20 }).map((text) => `wamid.${text}`);
const waIdArb = fc.constantFrom(WA_ID, '5511987654321');

const textArb = fc.record({ from: waIdArb, id: wamidArb, timestamp: timestampArb, type: fc.constant('text'), text: fc.record({ body: fc.string() }) });

const statusArb = fc.record(
  {
    id: wamidArb,
    status: fc.constantFrom('sent', 'delivered', 'read', 'played', 'failed'),
    timestamp: timestampArb,
    recipient_id: waIdArb,
    recipient_user_id: fc.constant('US.13491208655302741918'),
    errors: fc.array(fc.record({ code: fc.integer() }), { maxLength: 2 }),
    pricing: fc.record({ type: fc.string(), category: fc.string() }),
  },
  { requiredKeys: ['id', 'status', 'timestamp', 'recipient_id'] },
);

/** A valid item with one field replaced by any JSON (often, but not always, breaking it). */
const brokenArb = fc
  .tuple(fc.oneof(textArb, statusArb), fc.constantFrom('from', 'id', 'timestamp', 'type', 'text', 'status', 'recipient_id', 'errors'), fc.jsonValue())
  .map(([item, key, value]) => ({ ...item, [key]: value }));

const itemsOf = (validArb: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.array(fc.oneof({ weight: 8, arbitrary: validArb }, { weight: 2, arbitrary: brokenArb }, { weight: 1, arbitrary: fc.jsonValue() }), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.jsonValue() },
  );

const metadataArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ display_phone_number: DISPLAY_PHONE_NUMBER, phone_number_id: PHONE_NUMBER_ID }) },
  { weight: 1, arbitrary: fc.jsonValue() },
);

const valueArb = fc.record(
  {
    messaging_product: fc.constant('whatsapp'),
    metadata: metadataArb,
    contacts: fc.oneof(
      { weight: 9, arbitrary: fc.array(fc.record({ wa_id: waIdArb, profile: fc.record({ name: fc.string() }) }), { maxLength: 2 }) },
      { weight: 1, arbitrary: fc.jsonValue() },
    ),
    messages: itemsOf(textArb),
    statuses: itemsOf(statusArb),
  },
  { requiredKeys: ['metadata'] },
);

export const messagesValueArb = fc.oneof(
  { weight: 8, arbitrary: valueArb },
  { weight: 1, arbitrary: fc.tuple(valueArb, fc.array(fc.record({ code: fc.integer() }))).map(([value, errors]) => ({ ...value, errors })) },
);

const fieldArb = fc.oneof(fc.constantFrom(...CHANGE_HANDLERS.keys(), 'security', 'history', '__proto__', 'constructor'), fc.string());

const changeArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ field: fc.constant('messages'), value: messagesValueArb }) },
  { weight: 2, arbitrary: fc.record({ field: fieldArb, value: fc.oneof(fc.object(), fc.jsonValue()) }) },
  { weight: 1, arbitrary: fc.jsonValue() },
);

const entryArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        id: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(WABA_ID, 419561257915477) }, { weight: 1, arbitrary: fc.jsonValue() }),
        time: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }) }, { weight: 1, arbitrary: fc.jsonValue() }),
        changes: fc.array(changeArb, { maxLength: 4 }),
      },
      { requiredKeys: ['id', 'changes'] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue() },
);

/** A webhook envelope Meta could send on a bad day: valid frame, anything inside. */
export const envelopeArb = fc.record({ object: fc.constant('whatsapp_business_account'), entry: fc.array(entryArb, { maxLength: 4 }) });
