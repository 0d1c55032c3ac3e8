import { setTimeout as sleep } from 'node:timers/promises';
import { postWebhook, startIngestRig, type IngestRig } from './test/ingest-test-kit';

const BROKERS = [1, 2, 3];

const statusCall = (wamid: string): string =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', time: 1750000000, changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
      statuses: [{ id: wamid, status: 'sent', timestamp: '1750000000', recipient_id: '16505551234' }],
    } }] }],
  });

/** Posts like Meta: a non-200 answer is retried after a pause, until accepted. */
async function postUntilAccepted(rig: IngestRig, body: string, answers: number[]): Promise<void> {
  for (;;) {
    const response = await postWebhook(rig.url, body);
    answers.push(response.status);
    if (response.status === 200) return;
    await sleep(500);
  }
}

describe('webhook-ingest while Kafka is down', () => {
  let rig: IngestRig;
  beforeAll(async () => {
    rig = await startIngestRig({ publishTimeoutMs: 2_000 });
  });
  afterAll(() => rig.stop());

  it('answers 5xx during the outage, accepts the retries after it, and loses nothing', async () => {
    expect((await postWebhook(rig.url, statusCall('wamid.before'))).status).toBe(200);

    for (const id of BROKERS) await rig.broker.brokerDown(id);
    const during = await postWebhook(rig.url, statusCall('wamid.during'));
    expect(during.status).toBe(503);
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe('PUBLISH_FAILED');

    const answers: number[] = [during.status];
    const retrying = postUntilAccepted(rig, statusCall('wamid.during'), answers);
    await sleep(1_500);
    for (const id of BROKERS) await rig.broker.brokerUp(id);
    await retrying;
    expect((await postWebhook(rig.url, statusCall('wamid.after'))).status).toBe(200);

    const wamids = ['wamid.before', 'wamid.during', 'wamid.after'];
    await rig.waitForEvents('every status', (events) => wamids.every((wamid) => events.some((event) => event.subject === wamid)), 40_000);
    // A call answered 503 may still have reached Kafka: a duplicate then has the same event id.
    const during_ = rig.events.filter((event) => event.subject === 'wamid.during');
    expect(new Set(during_.map((event) => event.id)).size).toBe(1);
    expect(answers.at(-1)).toBe(200);
    expect(answers.filter((status) => status >= 500).length).toBeGreaterThanOrEqual(1);

    const metrics = await (await fetch(`${rig.url}/metrics`)).text();
    expect(metrics).toMatch(/webhook_rejections_total\{cause="publish_failed",service="webhook-ingest"\} [1-9]/);
  }, 90_000);
});
