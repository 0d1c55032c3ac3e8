import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseInboundMessage } from '../parsers';

// Meta's own webhook examples (OpenAPI description, read from ../shared, never copied) must
// fit the inbound-message schema once wrapped the way webhook-ingest wraps them.
const META_OPENAPI = join(__dirname, '../../../../../shared/meta/business-messaging-api_v23.0.yaml');

interface Change {
  field: string;
  value: {
    metadata?: { phone_number_id: string; display_phone_number: string };
    contacts?: { wa_id: string; profile?: { name: string } }[];
    messages?: { from: string; timestamp: string }[];
  };
}
interface Example { value: { entry: { id: string; changes: Change[] }[] } }

const examples = (): [string, unknown][] => {
  const document = parse(readFileSync(META_OPENAPI, 'utf8')) as {
    paths: Record<string, { post: { requestBody: { content: Record<string, { examples: Record<string, Example> }> } } }>;
  };
  const all = document.paths['/whatsapp/webhooks']?.post.requestBody.content['application/json']?.examples ?? {};
  return Object.entries(all).flatMap(([name, example]) =>
    example.value.entry.flatMap((entry) =>
      entry.changes
        .filter((change) => change.field === 'messages')
        .flatMap((change) =>
          (change.value.messages ?? []).map((message): [string, unknown] => [
            name,
            {
              wabaId: entry.id,
              phoneNumberId: change.value.metadata?.phone_number_id,
              displayPhoneNumber: change.value.metadata?.display_phone_number,
              waId: change.value.contacts?.[0]?.wa_id ?? message.from,
              profileName: change.value.contacts?.[0]?.profile?.name,
              occurredAt: new Date(Number(message.timestamp) * 1000).toISOString(),
              message,
            },
          ]),
        ),
    ),
  );
};

describe("Meta's inbound webhook examples", () => {
  const cases = examples();

  it('are found (at least a dozen message examples)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s fits the inbound-message schema', (_name, data) => {
    expect(parseInboundMessage(data)).toMatchObject({ ok: true });
  });
});
