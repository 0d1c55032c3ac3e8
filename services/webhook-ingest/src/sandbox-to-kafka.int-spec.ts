import { loadMetaOpenApiDocument, requestExamples, startMetaSandbox, type MetaSandbox } from '@recado/meta-sandbox';
import type { CloudEvent } from '@recado/contracts';
import { normaliseWebhook } from './normalize';
import { APP_SECRET, startIngestRig, type IngestRig } from './test/ingest-test-kit';

const USER = '5511987654321';
const examples = requestExamples(loadMetaOpenApiDocument(), '/whatsapp/webhooks', 'post');

const byId = (events: readonly CloudEvent[], id: string): CloudEvent | undefined => events.find((event) => event.id === id);

describe("Meta's webhooks, from the sandbox through webhook-ingest into Kafka", () => {
  let rig: IngestRig;
  let sandbox: MetaSandbox;

  beforeAll(async () => {
    rig = await startIngestRig();
    sandbox = await startMetaSandbox({
      port: 0,
      accessToken: undefined,
      webhooks: { url: `${rig.url}/webhook`, appSecret: APP_SECRET, sentDelayMs: [5, 10], deliveredDelayMs: [10, 20], readDelayMs: [20, 30], readRate: 1, readWithoutDeliveredRate: 0, duplicateRate: 0, outOfOrderRate: 0, dropRate: 0 },
    });
    sandbox.control.registerUser({ waId: USER, name: 'Ana' });
  });
  afterAll(async () => {
    await sandbox.stop();
    await rig.stop();
  });

  it.each(examples.map((example) => [example.name, example.value] as const))('replays "%s" and every event it carries is read back as normalised', async (name, body) => {
    const expected = normaliseWebhook(body, { requestId: 'expected', receivedAt: new Date() });
    const ids = [...expected.events, ...expected.unclassified].map((event) => event.id);
    expect(ids.length).toBeGreaterThan(0);
    // Meta's examples reuse wamids (so event ids), so only what arrives after the replay counts.
    const before = rig.events.length;
    expect(sandbox.control.replayWebhookExample(name)).toBe(true);
    await rig.waitForEvents(`the events of "${name}"`, (events) => ids.every((id) => byId(events.slice(before), id) !== undefined));
    for (const event of expected.events) {
      const read = byId(rig.events.slice(before), event.id);
      expect(read?.type).toBe(`com.recado.${event.kind.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.v1`);
      expect(read?.data).toEqual(JSON.parse(JSON.stringify(event.data)));
    }
  });

  it('carries an inbound message, the statuses of the reply and a marketing stop, keyed by contact', async () => {
    const inbound = sandbox.control.inbound(USER, { text: 'Oi, quero saber do meu pedido' });
    const reply = await fetch(`${sandbox.url}/v23.0/106540352242922/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: USER, type: 'text', text: { body: 'Seu pedido saiu para entrega' }, biz_opaque_callback_data: 'cmd-42' }),
    });
    expect([reply.status, reply.status === 200 ? '' : await reply.text()]).toEqual([200, '']);
    const wamid = ((await reply.json()) as { messages: { id: string }[] }).messages[0]?.id;
    expect(sandbox.control.setMarketingPreference(USER, 'stop')).toBe(true);
    await sandbox.control.webhooksIdle();

    await rig.waitForEvents('inbound, three statuses and the preference', (events) =>
      events.some((event) => event.subject === inbound?.wamid) &&
      events.filter((event) => event.subject === wamid).length === 3 &&
      events.some((event) => event.type === 'com.recado.user-preference-updated.v1'));
    const statuses = rig.events.filter((event) => event.subject === wamid).map((event) => event.data as { status: string; bizOpaqueCallbackData?: string });
    expect(statuses.map((status) => status.status).sort()).toEqual(['delivered', 'read', 'sent']);
    expect(statuses.every((status) => status.bizOpaqueCallbackData === 'cmd-42')).toBe(true);
    const keyed = rig.events.filter((event) => event.subject === wamid || event.subject === inbound?.wamid);
    expect(new Set(keyed.map((event) => event.partitionkey))).toEqual(new Set([`106540352242922:${USER}`]));
  });
});
