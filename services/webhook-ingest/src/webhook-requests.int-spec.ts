import { randomUUID } from 'node:crypto';
import { ROTATED_SECRET, VERIFY_TOKEN, BODY_LIMIT, postWebhook, rawRequestIds, startIngestRig, type IngestRig } from './test/ingest-test-kit';

const statusBody = (wamid: string, status = 'delivered'): string =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
      statuses: [{ id: wamid, status, timestamp: '1750000000', recipient_id: '16505551234', pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' } }],
    } }] }],
  });

describe('webhook-ingest: the HTTP contract', () => {
  let rig: IngestRig;
  beforeAll(async () => {
    rig = await startIngestRig();
  });
  afterAll(() => rig.stop());

  describe('GET verification handshake', () => {
    const verify = (query: string) => fetch(`${rig.url}/webhook?${query}`);

    it('echoes hub.challenge when the mode and token match', async () => {
      const response = await verify(`hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('1158201444');
    });

    it.each([
      ['a wrong token', `hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`],
      ['a wrong mode', `hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`],
      ['no token', `hub.mode=subscribe&hub.challenge=1`],
      ['no challenge', `hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}`],
    ])('answers 403 to %s', async (_case, query) => {
      const response = await verify(query);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain(VERIFY_TOKEN);
    });
  });

  describe('POST refusals publish nothing', () => {
    const refusals: [string, () => Promise<Response>, number, string][] = [];
    const ids: string[] = [];
    const refused = (name: string, status: number, cause: string, call: (requestId: string) => Promise<Response>) => {
      const requestId = `refused-${ids.length}-${randomUUID()}`;
      ids.push(requestId);
      refusals.push([`${name} → ${status} ${cause}`, () => call(requestId), status, cause]);
    };
    refused('no signature', 401, 'missing_signature', (requestId) => postWebhook(rig.url, statusBody('wamid.r1'), { secret: null, requestId }));
    refused('a signature from another secret', 401, 'signature_mismatch', (requestId) => postWebhook(rig.url, statusBody('wamid.r2'), { secret: 'someone-else', requestId }));
    refused('a malformed signature', 401, 'malformed_signature', (requestId) => postWebhook(rig.url, statusBody('wamid.r3'), { signature: 'sha256=xyz', requestId }));
    refused('a body over the limit', 413, 'body_too_large', (requestId) => postWebhook(rig.url, `{"pad":"${'x'.repeat(BODY_LIMIT)}"}`, { requestId }));
    refused('a non-JSON content type', 415, 'unsupported_media_type', (requestId) => postWebhook(rig.url, statusBody('wamid.r5'), { contentType: 'text/plain', requestId }));
    refused('form encoding', 415, 'unsupported_media_type', (requestId) => postWebhook(rig.url, 'a=1', { contentType: 'application/x-www-form-urlencoded', requestId }));
    refused('an unknown path', 404, 'not_found', (requestId) => fetch(`${rig.url}/elsewhere`, { method: 'POST', headers: { 'x-request-id': requestId }, body: '{}' }));
    refused('PUT', 405, 'method_not_allowed', (requestId) => fetch(`${rig.url}/webhook`, { method: 'PUT', headers: { 'x-request-id': requestId }, body: '{}' }));

    it.each(refusals)('%s', async (_name, call, status, cause) => {
      const response = await call();
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe(cause.toUpperCase());
    });

    it('and none of them reached Kafka, while a good call did', async () => {
      const good = `good-${randomUUID()}`;
      expect((await postWebhook(rig.url, statusBody('wamid.after-refusals'), { requestId: good })).status).toBe(200);
      await rig.waitForEvents('the good call', () => rawRequestIds(rig).includes(good));
      expect(rawRequestIds(rig).filter((id) => ids.includes(id))).toEqual([]);
    });

    it('counts each refusal by cause and logs it with its request id', async () => {
      const metrics = await (await fetch(`${rig.url}/metrics`)).text();
      for (const cause of ['missing_signature', 'signature_mismatch', 'malformed_signature', 'body_too_large', 'unsupported_media_type', 'not_found', 'method_not_allowed']) {
        expect(metrics).toMatch(new RegExp(`webhook_rejections_total\\{cause="${cause}",service="webhook-ingest"\\} [1-9]`));
      }
      const refusedLines = rig.logLines().filter((line) => line['message'] === 'webhook call refused');
      for (const id of ids) expect(refusedLines.some((line) => line['requestId'] === id && line['level'] === 'warn')).toBe(true);
    });
  });

  it('accepts a signature made with the second (rotated) secret', async () => {
    const response = await postWebhook(rig.url, statusBody('wamid.rotated'), { secret: ROTATED_SECRET });
    expect(response.status).toBe(200);
    await rig.waitForEvents('the rotated call', (events) => events.some((event) => event.subject === 'wamid.rotated'));
  });

  it('keeps a signed body that is not JSON on the raw topic, then answers 400', async () => {
    const requestId = `malformed-${randomUUID()}`;
    const response = await postWebhook(rig.url, '{"object": "whatsapp_business_account", "entry": [', { requestId });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('MALFORMED_JSON');
    await rig.waitForEvents('the raw malformed body', () => rawRequestIds(rig).includes(requestId));
    const raw = rig.eventsOf('com.recado.raw-webhook.v1').find((event) => (event.data as { requestId: string }).requestId === requestId);
    expect((raw?.data as { body: string }).body).toBe('{"object": "whatsapp_business_account", "entry": [');
  });

  it('keeps the raw body byte for byte, with the signature to re-verify it', async () => {
    const requestId = `bytes-${randomUUID()}`;
    const body = statusBody('wamid.bytes').replace('"PMP"', '"PMP","note":"caf\\u00e9 \\/ 😀"');
    expect((await postWebhook(rig.url, body, { requestId })).status).toBe(200);
    await rig.waitForEvents('the raw call', () => rawRequestIds(rig).includes(requestId));
    const raw = rig.eventsOf('com.recado.raw-webhook.v1').find((event) => (event.data as { requestId: string }).requestId === requestId);
    const data = raw?.data as { body: string; headers: Record<string, string> };
    expect(data.body).toBe(body);
    expect(data.headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('gives the same event ids when Meta retries a call, and a new raw record per call', async () => {
    const body = statusBody('wamid.retried', 'read');
    const first = `retry-a-${randomUUID()}`;
    const second = `retry-b-${randomUUID()}`;
    expect((await postWebhook(rig.url, body, { requestId: first })).status).toBe(200);
    expect((await postWebhook(rig.url, body, { requestId: second })).status).toBe(200);
    await rig.waitForEvents('both calls', () => [first, second].every((id) => rawRequestIds(rig).includes(id)));
    await rig.waitForEvents('both statuses', (events) => events.filter((event) => event.subject === 'wamid.retried').length === 2);
    const ids = rig.events.filter((event) => event.subject === 'wamid.retried').map((event) => event.id);
    expect(new Set(ids).size).toBe(1);
  });

  it('answers liveness and readiness', async () => {
    expect((await fetch(`${rig.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${rig.url}/readyz`)).status).toBe(200);
  });
});
