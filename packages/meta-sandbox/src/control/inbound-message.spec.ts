import { inboundMessageItem } from './inbound-message';

const AT = new Date('2026-11-23T10:00:00Z');
const item = (input: Parameters<typeof inboundMessageItem>[0]) => inboundMessageItem(input, '5511987654321', 'wamid.IN', '15550783881', AT);

describe('inboundMessageItem', () => {
  it.each([
    ['text', { text: 'Oi' }, { type: 'text', text: { body: 'Oi' }, timestamp: '1795428000' }],
    ['quick-reply tap', { button: { payload: 'STOP', text: 'Parar' } }, { type: 'button', button: { payload: 'STOP', text: 'Parar' }, context: { from: '15550783881' } }],
    ['reply button', { reply: { kind: 'button_reply', id: 'yes', title: 'Sim' }, contextId: 'wamid.B' }, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Sim' } }, context: { id: 'wamid.B' } }],
    ['list row', { reply: { kind: 'list_reply', id: 'r1', title: '09:00', description: 'Manhã' } }, { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r1', title: '09:00', description: 'Manhã' } } }],
    ['ad referral', { text: 'Vi o anúncio', referral: true }, { referral: { source_type: 'ad', ctwa_clid: expect.any(String) } }],
  ] as const)('%s', (_name, input, expected) => {
    expect(item(input)).toMatchObject({ from: '5511987654321', id: 'wamid.IN', ...expected });
  });
});
