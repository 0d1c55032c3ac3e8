import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '@recado/contracts';
import { normaliseWebhook } from './normalize';
import { postWebhook, rawRequestIds, startIngestRig, type IngestRig } from './test/ingest-test-kit';

const WABA = '102290129340398';
const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };
const body = (...changes: { field: string; value: unknown }[]) => ({ object: 'whatsapp_business_account', entry: [{ id: WABA, time: 1763888400, changes }] });

// Shapes from Meta's webhook reference (RULES.md §3, §5.2, §7, §8), one per change field we classify.
const PAYLOADS: [string, unknown][] = [
  ['failed status with errors', body({ field: 'messages', value: { messaging_product: 'whatsapp', metadata, statuses: [{ id: 'wamid.F1', status: 'failed', timestamp: '1763888400', recipient_id: '5511987654321', biz_opaque_callback_data: 'cmd-7', errors: [{ code: 131050, title: 'Unable to deliver the message.', error_data: { details: 'User stopped marketing' } }] }] } })],
  ['delivered status with per-message pricing', body({ field: 'messages', value: { messaging_product: 'whatsapp', metadata, statuses: [{ id: 'wamid.D1', status: 'delivered', timestamp: '1763888401', recipient_id: '5511987654321', pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' } }] } })],
  ['template rejected', body({ field: 'message_template_status_update', value: { event: 'REJECTED', message_template_id: 594425479261596, message_template_name: 'order_update', message_template_language: 'pt_BR', reason: 'INCORRECT_CATEGORY' } })],
  ['template re-categorisation announced', body({ field: 'template_category_update', value: { message_template_id: 594425479261596, message_template_name: 'order_update', message_template_language: 'pt_BR', new_category: 'UTILITY', correct_category: 'MARKETING', category_update_timestamp: 1764493200 } })],
  ['template quality', body({ field: 'message_template_quality_update', value: { previous_quality_score: 'GREEN', new_quality_score: 'YELLOW', message_template_id: 594425479261596, message_template_name: 'order_update', message_template_language: 'pt_BR' } })],
  ['phone number quality', body({ field: 'phone_number_quality_update', value: { display_phone_number: '15550783881', event: 'FLAGGED', current_limit: 'TIER_10K' } })],
  ['business capability', body({ field: 'business_capability_update', value: { max_daily_conversations_per_business: 10000, max_phone_numbers_per_business: 20 } })],
  ['account violation', body({ field: 'account_update', value: { phone_number: '15550783881', event: 'ACCOUNT_VIOLATION', violation_info: { violation_type: 'SPAM' } } })],
  ['user stops marketing', body({ field: 'user_preferences', value: { messaging_product: 'whatsapp', metadata, contacts: [{ wa_id: '5511987654321', profile: { name: 'Ana' } }], user_preferences: [{ wa_id: '5511987654321', detail: 'User requested to stop marketing messages', category: 'marketing_messages', value: 'stop', timestamp: 1763888400 }] } })],
  ['an unknown field (kept on the catch-all topic)', body({ field: 'security', value: { display_phone_number: '15550783881', event: 'PIN_CHANGED' } })],
  ['one bad item among good ones', body({ field: 'messages', value: { messaging_product: 'whatsapp', metadata, statuses: [{ id: 'wamid.G1', status: 'sent', timestamp: '1763888402', recipient_id: '5511987654321' }, { id: 'wamid.B1', status: 'teleported', timestamp: '1763888402' }] } })],
];

describe("webhook-ingest: documented payloads of every field, through the service into Kafka", () => {
  let rig: IngestRig;
  beforeAll(async () => {
    rig = await startIngestRig();
  });
  afterAll(() => rig.stop());

  it.each(PAYLOADS)('%s', async (_name, payload) => {
    const requestId = `doc-${randomUUID()}`;
    const expected = normaliseWebhook(payload, { requestId, receivedAt: new Date() });
    const items = [...expected.events, ...expected.unclassified];
    expect(items.length).toBeGreaterThan(0);
    expect((await postWebhook(rig.url, JSON.stringify(payload), { requestId })).status).toBe(200);
    await rig.waitForEvents('the call and its events', (events) => rawRequestIds(rig).includes(requestId) && items.every((item) => events.some((event) => event.id === item.id)));
    for (const item of items) {
      const read = rig.events.find((event: CloudEvent) => event.id === item.id);
      if (item.kind === 'unclassifiedWebhook') expect(read?.data).toMatchObject({ reasonCode: item.data.reasonCode, payload: item.data.payload });
      else expect(read?.data).toEqual(JSON.parse(JSON.stringify(item.data)));
    }
  });
});
