import { changeOf, nth, PHONE_NUMBER_ID, startKit, type Kit } from '../test/sandbox-test-kit';

const USER = '5511987654321';

let kit: Kit;
beforeEach(async () => {
  kit = await startKit({ webhooks: { readRate: 0 }, templateReviewDelayMs: 20 });
});
afterEach(() => kit.stop());

const control = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${kit.sandbox.url}/_sandbox/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as unknown };
};

describe('HTTP control API', () => {
  it('registers a user, makes them write, sends inside the window and counts it', async () => {
    expect((await control('POST', 'users', { waId: USER, name: 'Bia' })).status).toBe(201);
    expect(await control('POST', `users/${USER}/messages`, { text: 'Oi' })).toMatchObject({ status: 201, body: { wamid: expect.any(String) } });
    expect((await kit.send({ to: USER, type: 'text', text: { body: 'Olá' }, biz_opaque_callback_data: 'cmd-1' })).status).toBe(200);
    expect(await control('GET', 'inspect')).toMatchObject({ body: { accepted: 1, acceptedByRecipient: { [USER]: 1 }, acceptedByCallbackData: { 'cmd-1': 1 } } });
  });

  it('moves the clock so the window closes', async () => {
    await control('POST', 'users', { waId: USER });
    await control('POST', `users/${USER}/messages`, { text: 'Oi' });
    await control('POST', 'clock', { offsetMs: 25 * 3_600_000 });
    expect((await kit.send({ to: USER, type: 'text', text: { body: 'Olá' } })).body).toMatchObject({ error: { code: 131047 } });
  });

  it('changes a template status, category and quality, with their webhooks', async () => {
    const created = await control('POST', 'templates', { name: 'order_update', language: 'pt_BR', category: 'UTILITY' });
    const id = (created.body as { id: string }).id;
    expect((await control('POST', `templates/${id}`, { category: 'MARKETING', qualityScore: 'YELLOW', status: 'DISABLED' })).status).toBe(200);
    const fields = (await kit.receiver.waitFor(3)).map((w) => changeOf(w.body).field).sort();
    expect(fields).toEqual(['message_template_quality_update', 'message_template_status_update', 'template_category_update']);
    expect((await control('POST', 'templates/404', { status: 'PAUSED' })).status).toBe(404);
  });

  it('injects faults at run time', async () => {
    await control('POST', 'users', { waId: USER });
    await control('POST', 'faults', { rateLimitBurst: 2 });
    const body = { to: USER, type: 'template', template: { name: 'x', language: { policy: 'deterministic', code: 'pt_BR' } } };
    expect((await kit.send(body)).body).toMatchObject({ error: { code: 130429 } });
    expect((await kit.send(body)).body).toMatchObject({ error: { code: 130429 } });
    expect((await kit.send(body)).body).toMatchObject({ error: { code: 132001 } });
  });

  it('drops webhooks when asked', async () => {
    await control('POST', 'users', { waId: USER });
    await control('POST', 'faults', { webhookDropRate: 1 });
    await control('POST', `users/${USER}/messages`, { text: 'Oi' });
    await kit.sandbox.control.webhooksIdle();
    expect(kit.receiver.received).toHaveLength(0);
  });

  it('replays every webhook example of the description, signed', async () => {
    const names = (await control('GET', 'webhooks/examples')).body as string[];
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect((await control('POST', 'webhooks/replay', { name })).status).toBe(202);
    const received = await kit.receiver.waitFor(names.length);
    expect(received.every((w) => w.signature?.startsWith('sha256='))).toBe(true);
    expect((await control('POST', 'webhooks/replay', { name: 'nope' })).status).toBe(404);
  });
});

describe('template review', () => {
  it.each([
    ['order_update', 'Order {{1}} shipped.', 'APPROVED', undefined],
    ['bad_format', 'Hi {{1}}{{2}}', 'REJECTED', 'INVALID_FORMAT'],
  ])('%s is reviewed %s', async (name, text, event, reason) => {
    const created = await fetch(`${kit.sandbox.url}/v23.0/102290129340398/message_templates`, {
      method: 'POST',
      body: JSON.stringify({ name, language: 'pt_BR', category: 'UTILITY', components: [{ type: 'BODY', text }] }),
    });
    expect(await created.json()).toMatchObject({ status: 'PENDING', category: 'UTILITY' });
    const update = nth(await kit.receiver.waitFor(1, (w) => changeOf(w.body).field === 'message_template_status_update', 3_000), 0);
    expect(changeOf(update.body).value).toMatchObject({ event, message_template_name: name, ...(reason === undefined ? {} : { reason, rejection_info: { reason: expect.any(String) } }) });
  });
});

describe("Meta's request checks", () => {
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${kit.sandbox.url}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { error?: { code: number; error_subcode?: number; fbtrace_id?: string } } };
  };

  it('refuses a body that does not validate against the description with #100', async () => {
    const answer = await post(`/v23.0/${PHONE_NUMBER_ID}/messages`, { messaging_product: 'whatsapp', to: USER, type: 'text', text: { body: 'x' } });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 100, fbtrace_id: expect.any(String) } } });
  });

  it('refuses an unknown phone number id with #100 subcode 33', async () => {
    const answer = await post('/v23.0/999/messages', { messaging_product: 'whatsapp' });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 100, error_subcode: 33 } } });
  });

  it('answers a read receipt', async () => {
    expect(await post(`/v23.0/${PHONE_NUMBER_ID}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.A' })).toEqual({ status: 200, body: { success: true } });
  });

  it('holds a paced template for quality assessment', async () => {
    kit.sandbox.control.registerUser({ waId: USER });
    kit.sandbox.control.addTemplate({ name: 'paced', language: 'pt_BR', category: 'MARKETING', paced: true });
    const answer = await kit.send({ to: USER, type: 'template', template: { name: 'paced', language: { policy: 'deterministic', code: 'pt_BR' } } });
    expect(answer.body).toMatchObject({ messages: [{ message_status: 'held_for_quality_assessment' }] });
    expect(kit.sandbox.control.inspect().accepted).toBe(1);
  });
});
