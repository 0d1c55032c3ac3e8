import { createHmac, timingSafeEqual } from 'node:crypto';
import { APP_SECRET, changeOf, nth, sharedValidator, startKit, statusOf, type Kit } from '../test/sandbox-test-kit';
import type { ReceivedWebhook } from '../testing/webhook-receiver';

const USER = '5511987654321';
const template = (name: string) => ({ to: USER, type: 'template', template: { name, language: { policy: 'deterministic', code: 'pt_BR' } } });
const isStatus = (w: ReceivedWebhook) => statusOf(w.body) !== undefined;
const statuses = (webhooks: ReceivedWebhook[]) => webhooks.map((w) => statusOf(w.body)?.['status']);

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.stop();
  kit = undefined;
});

async function started(options: Parameters<typeof startKit>[0] = {}): Promise<Kit> {
  kit = await startKit(options);
  kit.sandbox.control.registerUser({ waId: USER, name: 'Ana' });
  kit.sandbox.control.addTemplate({ name: 'promo', language: 'pt_BR', category: 'MARKETING' });
  return kit;
}

describe('status webhooks', () => {
  it('posts sent → delivered → read, signed over the raw body, valid against the description', async () => {
    const k = await started();
    const sent = await k.send({ ...template('promo'), biz_opaque_callback_data: 'cmd-7' });
    expect(sent.status).toBe(200);
    const received = await k.receiver.waitFor(3, isStatus);
    expect(statuses(received)).toEqual(['sent', 'delivered', 'read']);
    for (const webhook of received) {
      const expected = Buffer.from(`sha256=${createHmac('sha256', APP_SECRET).update(webhook.raw).digest('hex')}`);
      expect(timingSafeEqual(Buffer.from(webhook.signature ?? ''), expected)).toBe(true);
      expect(sharedValidator().schema('WebhookPayload', webhook.body)).toEqual({ valid: true });
      expect(statusOf(webhook.body)).toMatchObject({ recipient_id: USER, biz_opaque_callback_data: 'cmd-7' });
    }
    expect(statusOf(nth(received, 0).body)?.['pricing']).toEqual({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' });
    expect(statusOf(nth(received, 2).body)?.['pricing']).toBeUndefined();
  });

  it('sometimes reads without delivered, pricing then on read', async () => {
    const k = await started({ webhooks: { readWithoutDeliveredRate: 1 } });
    await k.send(template('promo'));
    const received = await k.receiver.waitFor(2, isStatus);
    await k.sandbox.control.webhooksIdle();
    expect(statuses(k.receiver.received.filter(isStatus))).toEqual(['sent', 'read']);
    expect(statusOf(nth(received, 1).body)?.['pricing']).toMatchObject({ category: 'marketing' });
  });

  it('accepts a marketing template to a user who stopped marketing, then fails it with 131050', async () => {
    const k = await started();
    k.sandbox.control.setMarketingPreference(USER, 'stop');
    expect((await k.send(template('promo'))).status).toBe(200);
    const failed = nth(await k.receiver.waitFor(1, isStatus), 0);
    expect(statusOf(failed.body)).toMatchObject({ status: 'failed', errors: [{ code: 131050 }] });
    expect(sharedValidator().schema('WebhookPayload', failed.body)).toEqual({ valid: true });
  });

  it('fails marketing to a US number with 131049 (US marketing pause)', async () => {
    const k = await started();
    k.sandbox.control.registerUser({ waId: '16505551234' });
    expect((await k.send({ ...template('promo'), to: '16505551234' })).status).toBe(200);
    const failed = nth(await k.receiver.waitFor(1, isStatus), 0);
    expect(statusOf(failed.body)).toMatchObject({ status: 'failed', recipient_id: '16505551234', errors: [{ code: 131049 }] });
  });

  it('retries with backoff until the receiver answers 200', async () => {
    const k = await started({ webhooks: { readRate: 0 } });
    k.receiver.answerWith([500, 503]);
    await k.send(template('promo'));
    await k.receiver.waitFor(4, isStatus);
    await k.sandbox.control.webhooksIdle();
    expect(k.sandbox.control.inspect()).toMatchObject({ webhookAttempts: 4, webhooksDelivered: 2 });
    expect(statuses(k.receiver.received).sort()).toEqual(['delivered', 'delivered', 'sent', 'sent']);
  });

  it('posts duplicates and out-of-order statuses when asked', async () => {
    const k = await started({ webhooks: { duplicateRate: 1, outOfOrderRate: 1 } });
    await k.send(template('promo'));
    await k.receiver.waitFor(6, isStatus);
    await k.sandbox.control.webhooksIdle();
    const seen = statuses(k.receiver.received);
    expect(seen).toHaveLength(6);
    expect(seen.indexOf('read')).toBeLessThan(seen.indexOf('sent'));
  });
});

describe('recipient errors by webhook, as the Cloud API mostly reports them', () => {
  it.each([
    ['unknown number', '5511900000000', 131026],
    ['window closed', USER, 131047],
  ])('%s: 200 now, failed with %s later', async (_name, to, code) => {
    const k = await started({ recipientErrorsBy: 'webhook' });
    const answer = await k.send({ to, type: 'text', text: { body: 'hi' } });
    expect(answer).toMatchObject({ status: 200, body: { contacts: [{ wa_id: to }] } });
    const failed = nth(await k.receiver.waitFor(1, isStatus), 0);
    expect(statusOf(failed.body)).toMatchObject({ status: 'failed', recipient_id: to, errors: [{ code }] });
    expect(sharedValidator().schema('WebhookPayload', failed.body)).toEqual({ valid: true });
  });
});

describe('pacing [M14]', () => {
  const paced = async () => {
    const k = await started();
    const t = k.sandbox.control.addTemplate({ name: 'paced', language: 'pt_BR', category: 'MARKETING', paced: true });
    const answers = [await k.send(template('paced')), await k.send(template('paced'))];
    expect(answers.map((a) => a.body)).toEqual([0, 1].map(() => expect.objectContaining({ messages: [expect.objectContaining({ message_status: 'held_for_quality_assessment' })] })));
    await k.sandbox.control.webhooksIdle();
    expect(k.receiver.received.filter(isStatus)).toHaveLength(0);
    return { k, id: t.id };
  };

  it('releases held messages on a good signal', async () => {
    const { k, id } = await paced();
    expect(k.sandbox.control.settlePacing(id, 'release')).toBe(2);
    expect(statuses(await k.receiver.waitFor(6, isStatus)).sort()).toEqual(['delivered', 'delivered', 'read', 'read', 'sent', 'sent']);
  });

  it('pauses the template and fails each held message with 132015 on a bad signal', async () => {
    const { k, id } = await paced();
    k.sandbox.control.settlePacing(id, 'pause');
    const failed = await k.receiver.waitFor(2, isStatus);
    expect(failed.map((w) => statusOf(w.body))).toEqual([0, 1].map(() => expect.objectContaining({ status: 'failed', errors: [expect.objectContaining({ code: 132015 })] })));
    expect((await k.send(template('paced'))).body).toMatchObject({ error: { code: 132015 } });
  });
});

describe('webhooks from the simulated world', () => {
  it('re-categorisation is announced, impending then completed', async () => {
    const k = await started();
    const t = k.sandbox.control.addTemplate({ name: 'welcome', language: 'pt_BR', category: 'UTILITY' });
    k.sandbox.control.setTemplateCategory(t.id, 'MARKETING', new Date('2026-12-01T00:00:00Z'));
    k.sandbox.control.setTemplateCategory(t.id, 'MARKETING');
    const values = (await k.receiver.waitFor(2, (w) => changeOf(w.body).field === 'template_category_update')).map((w) => changeOf(w.body).value);
    expect(values).toEqual([
      expect.objectContaining({ new_category: 'UTILITY', correct_category: 'MARKETING', category_update_timestamp: 1796083200 }),
      expect.objectContaining({ previous_category: 'UTILITY', new_category: 'MARKETING' }),
    ]);
  });

  it('an inbound message opens the window and is posted with the user profile', async () => {
    const k = await started();
    expect((await k.send({ to: USER, type: 'text', text: { body: 'hi' } })).body).toMatchObject({ error: { code: 131047 } });
    k.sandbox.control.inbound(USER, { text: 'Oi!', referral: true });
    const inbound = nth(await k.receiver.waitFor(1, (w) => changeOf(w.body).value['messages'] !== undefined), 0);
    expect(changeOf(inbound.body).value).toMatchObject({ contacts: [{ profile: { name: 'Ana' }, wa_id: USER }], messages: [{ from: USER, type: 'text', text: { body: 'Oi!' }, referral: { source_type: 'ad' } }] });
    expect((await k.send({ to: USER, type: 'text', text: { body: 'hi' } })).status).toBe(200);
  });

  it('stop and resume of marketing produce user_preferences', async () => {
    const k = await started();
    k.sandbox.control.setMarketingPreference(USER, 'stop');
    k.sandbox.control.setMarketingPreference(USER, 'resume');
    const changes = (await k.receiver.waitFor(2, (w) => changeOf(w.body).field === 'user_preferences')).map((w) => changeOf(w.body).value);
    expect(changes.map((v) => (v['user_preferences'] as { value: string }[])[0]?.value)).toEqual(['stop', 'resume']);
  });

  it('a paused template is announced and then refused with 132015', async () => {
    const k = await started();
    const promo = k.sandbox.control.addTemplate({ name: 'paused_one', language: 'pt_BR', category: 'UTILITY' });
    k.sandbox.control.setTemplateStatus(promo.id, 'PAUSED');
    const update = nth(await k.receiver.waitFor(1, (w) => changeOf(w.body).field === 'message_template_status_update'), 0);
    expect(changeOf(update.body).value).toMatchObject({ event: 'PAUSED', message_template_id: Number(promo.id), other_info: { title: 'FIRST_PAUSE' } });
    expect((await k.send(template('paused_one'))).body).toMatchObject({ error: { code: 132015 } });
  });
});
