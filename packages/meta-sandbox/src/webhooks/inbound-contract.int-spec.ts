import { shapeDifferences } from '../openapi';
import { changeOf, nth, startKit, webhookExample, type Kit } from '../test/sandbox-test-kit';
import type { InboundInput } from '../control/inbound-message';

const USER = '5511987654321';

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
  kit.sandbox.control.registerUser({ waId: USER, name: 'Ana' });
});
afterAll(() => kit.stop());

// The description's inbound message schemas reuse the outbound ones (they require `to`), so
// inbound webhooks are checked against the description's own examples instead.
describe('inbound webhooks have the shape of the description examples', () => {
  it.each<[string, InboundInput]>([
    ['Text Message', { text: 'Oi' }],
    ['Text Message from Click to WhatsApp Ad', { text: 'Vi o anúncio', referral: true }],
    ['Button Message', { button: { payload: 'STOP', text: 'Parar' } }],
    ['Interactive Button Reply Message', { reply: { kind: 'button_reply', id: 'yes', title: 'Sim' }, contextId: 'wamid.B' }],
    ['Interactive List Reply Message', { reply: { kind: 'list_reply', id: 'r1', title: '09:00', description: 'Manhã' }, contextId: 'wamid.B' }],
  ])('%s', async (name, input) => {
    const sent = kit.sandbox.control.inbound(USER, input);
    const webhook = nth(await kit.receiver.waitFor(1, (w) => (changeOf(w.body).value['messages'] as { id: string }[] | undefined)?.[0]?.id === sent?.wamid), 0);
    expect(shapeDifferences(webhook.body, webhookExample(name))).toEqual([]);
  });
});
