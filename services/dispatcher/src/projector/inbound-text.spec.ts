import type { InboundMessageContent } from '@recado/contracts';
import { inboundTextOf } from './inbound-text';

const base = { id: 'wamid.1', from: '5511999999999', timestamp: '1775000000' };

describe('inboundTextOf', () => {
  it.each<[string, Record<string, unknown>, string | null]>([
    ['text', { type: 'text', text: { body: 'PARAR' } }, 'PARAR'],
    ['quick-reply button', { type: 'button', button: { payload: 'unsub', text: 'Unsubscribe' } }, 'Unsubscribe'],
    ['reply button', { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'b', title: 'Stop' } } }, 'Stop'],
    ['list reply', { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r', title: 'Sair' } } }, 'Sair'],
    ['flow reply', { type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{}' } } }, null],
    ['image', { type: 'image', image: { id: 'm', caption: 'STOP' } }, null],
    ['reaction', { type: 'reaction', reaction: { message_id: 'wamid.0', emoji: '👍' } }, null],
  ])('%s', (_name, content, expected) => {
    expect(inboundTextOf({ ...base, ...content } as InboundMessageContent)).toBe(expected);
  });
});
