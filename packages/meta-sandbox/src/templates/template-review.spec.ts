import { reviewTemplate } from './template-review';

const body = (text: string) => [{ type: 'BODY', text }];

describe('reviewTemplate', () => {
  it.each([
    ['plain utility', 'order_update', 'UTILITY', 'Your order {{1}} has shipped.', 'pt_BR', { status: 'APPROVED', category: 'UTILITY' }],
    ['promotional utility becomes marketing', 'order_update', 'UTILITY', 'Aproveite 20% de desconto no pedido {{1}}!', 'pt_BR', { status: 'APPROVED', category: 'MARKETING' }],
    ['marketing stays marketing', 'sale', 'MARKETING', 'Big sale, 30% off!', 'en_US', { status: 'APPROVED', category: 'MARKETING' }],
    ['adjacent parameters', 'hi', 'UTILITY', 'Hi {{1}}{{2}}', 'en', { status: 'REJECTED', reason: 'INVALID_FORMAT' }],
    ['reject_ prefix', 'reject_me', 'UTILITY', 'Hello', 'en', { status: 'REJECTED', reason: 'PROMOTIONAL' }],
  ] as const)('%s', (_name, name, category, text, language, expected) => {
    expect(reviewTemplate(name, category, body(text), language)).toMatchObject(expected);
  });
});
