import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseCloudEvent } from '../cloud-event';
import { EVENT_KINDS, EVENTS } from '../event-catalog';
import { TOPIC_SPECS, type TopicId } from '../topics';
import { ASYNCAPI_PATH, renderAsyncApiYaml } from './render-asyncapi';

const committed = readFileSync(ASYNCAPI_PATH, 'utf8');

interface Document {
  channels: Record<string, { address: string; messages: Record<string, unknown>; bindings: { kafka: { partitions: number } } }>;
  components: { messages: Record<string, { examples?: { payload: unknown }[] }>; schemas: Record<string, unknown> };
}

describe('docs/asyncapi.yaml', () => {
  it('is exactly what the generator produces from the schemas now (run `npm run asyncapi` after a change)', () => {
    expect(committed).toBe(renderAsyncApiYaml());
  });

  it('is a valid AsyncAPI 3.0 document (no error-level diagnostics from @asyncapi/parser)', async () => {
    const diagnostics = await new Parser().validate(committed);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
  }, 120_000);

  const document = parse(committed) as Document;

  it('has one channel per topic, with its address and partition count', () => {
    const channels = Object.entries(document.channels).map(([id, channel]) => [id, channel.address, channel.bindings.kafka.partitions]);
    const topics = (Object.keys(TOPIC_SPECS) as TopicId[]).map((id) => [id, TOPIC_SPECS[id].name, TOPIC_SPECS[id].partitions]);
    expect(channels).toEqual(topics);
  });

  it('puts every event kind on its topic, with a payload schema', () => {
    for (const kind of EVENT_KINDS) {
      expect(Object.keys(document.channels[EVENTS[kind].topic]?.messages ?? {})).toContain(kind);
      expect(document.components.schemas).toHaveProperty(kind.charAt(0).toUpperCase() + kind.slice(1));
    }
  });

  it('shows only examples that validate', () => {
    const examples = Object.values(document.components.messages).flatMap((message) => message.examples ?? []);
    expect(examples.length).toBeGreaterThanOrEqual(EVENT_KINDS.length);
    for (const example of examples) expect(parseCloudEvent(example.payload)).toMatchObject({ ok: true });
  });
});
