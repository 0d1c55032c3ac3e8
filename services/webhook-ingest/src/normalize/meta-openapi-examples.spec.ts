import { loadMetaOpenApiDocument, requestExamples } from '@recado/meta-sandbox';
import { normaliseWebhook } from './normalise-webhook';
import { eventsOf, expectPublishable } from './test/expectations';
import { CONTEXT } from './test/webhook-bodies';
import { unixSecondsToIso } from './unix-time';

// Meta's own request examples of POST /whatsapp/webhooks (read from ../shared, never copied).
const examples = requestExamples(loadMetaOpenApiDocument(), '/whatsapp/webhooks', 'post');

/** Examples of fields Recado deliberately has no event for, and why. */
const DELIBERATELY_UNCLASSIFIED: Readonly<Record<string, string>> = {
  'Group Create Message': 'Groups API lifecycle (group_lifecycle_update): Recado sends no group messages yet',
  'Group Settings Update': 'Groups API settings (group_settings_update): idem',
  'Group Remove Participants': 'Groups API participants (group_participants_update): idem',
};

interface ExampleMessage { id: string; type: string; from: string; timestamp: string }
interface ExampleValue { metadata?: { phone_number_id: string }; contacts?: { wa_id: string; profile?: { name: string } }[]; messages?: ExampleMessage[] }
interface ExampleBody { entry: { id: string; changes: { field: string; value: ExampleValue }[] }[] }

const messagesOf = (body: ExampleBody) =>
  body.entry.flatMap((entry) =>
    entry.changes.filter((change) => change.field === 'messages').flatMap((change) =>
      (change.value.messages ?? []).map((message) => ({ wabaId: entry.id, value: change.value, message }))));

it('finds the examples (a dozen messages and the group webhooks)', () => {
  expect(examples.length).toBeGreaterThanOrEqual(16);
  for (const name of Object.keys(DELIBERATELY_UNCLASSIFIED)) expect(examples.map((example) => example.name)).toContain(name);
});

const classified = examples.filter((example) => !(example.name in DELIBERATELY_UNCLASSIFIED));
const unclassified = examples.filter((example) => example.name in DELIBERATELY_UNCLASSIFIED);

describe.each(classified.map((example) => [example.name, example.value] as const))('%s', (_name, value) => {
  const body = value as ExampleBody;

  it('normalises without anything unclassified, into publishable events', () => {
    const result = normaliseWebhook(body, CONTEXT);
    expect(result.unclassified).toEqual([]);
    expect(result.events.length).toBeGreaterThan(0);
    expectPublishable(result);
  });

  it('keeps the key facts: wamid, type, contact, number, time, and the message untouched', () => {
    const expected = messagesOf(body);
    const inbound = eventsOf(normaliseWebhook(body, CONTEXT), 'inboundMessage');
    expect(inbound).toHaveLength(expected.length);
    expected.forEach(({ wabaId, value: change, message }, index) => {
      const contact = change.contacts?.find((candidate) => candidate.wa_id === message.from);
      expect(inbound[index]?.data).toMatchObject({
        wabaId,
        phoneNumberId: change.metadata?.phone_number_id,
        waId: contact?.wa_id ?? message.from,
        occurredAt: unixSecondsToIso(message.timestamp),
        message: { id: message.id, type: message.type },
      });
      expect(inbound[index]?.data.profileName).toBe(contact?.profile?.name);
      expect(inbound[index]?.data.message).toEqual(message);
    });
  });
});

describe.each(unclassified.map((example) => [example.name, example.value] as const))('%s', (name, value) => {
  it(`is kept whole as UNKNOWN_FIELD (${DELIBERATELY_UNCLASSIFIED[name] ?? ''})`, () => {
    const result = normaliseWebhook(value, CONTEXT);
    expect(result.events).toEqual([]);
    expect(result.unclassified.map((event) => event.data.reasonCode)).toEqual(['UNKNOWN_FIELD']);
    expect(result.unclassified[0]?.data.payload).toEqual((value as ExampleBody).entry[0]?.changes[0]?.value);
    expectPublishable(result);
  });
});
