import { buttonsContent, reactionContent, textContent } from './message-content.builders';
import { checkOutboundMessage, toMessageRequestBody } from './message-request';

const TO = '5511987654321';

describe('checkOutboundMessage', () => {
  it.each([
    ['text too long', { to: TO, content: textContent('x'.repeat(4097)) }, /text.body/],
    ['four reply buttons', { to: TO, content: buttonsContent('b', ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id }))) }, /buttons/],
    ['button title over 20', { to: TO, content: buttonsContent('b', [{ id: 'a', title: 'x'.repeat(21) }]) }, /title/],
    ['bad number', { to: '12ab', content: textContent('hi') }, /^to /],
    ['callback data over 512', { to: TO, content: textContent('hi'), bizOpaqueCallbackData: 'x'.repeat(513) }, /512/],
    ['reaction with context', { to: TO, content: reactionContent('wamid.A', '👍'), replyTo: 'wamid.B' }, /reaction/],
    ['reaction without message id', { to: TO, content: reactionContent(' ', '👍') }, /message_id/],
  ])('refuses %s', (_name, message, pattern) => {
    expect(checkOutboundMessage(message).some((violation) => pattern.test(violation))).toBe(true);
  });
});

describe('toMessageRequestBody', () => {
  it('adds context and callback data only when given', () => {
    expect(toMessageRequestBody({ to: TO, content: textContent('hi') })).toEqual({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: TO, type: 'text', text: { body: 'hi' },
    });
    expect(toMessageRequestBody({ to: TO, content: textContent('hi'), replyTo: 'wamid.A', bizOpaqueCallbackData: 'c' })).toMatchObject({
      context: { message_id: 'wamid.A' }, biz_opaque_callback_data: 'c',
    });
  });
});
