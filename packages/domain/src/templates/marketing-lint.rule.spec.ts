import fc from 'fast-check';
import type { Template } from './template.model';
import { findMarketingTerms, lintUtilityTemplate } from './marketing-lint.rule';
import { MARKETING_TERMS, marketingTermsFor } from './marketing-lexicon.data';
import { SAMPLE_ORDER_UPDATE, SAMPLE_PROMOTION, SAMPLE_RESERVATION } from './sample-templates.data';

const utility = (language: string, text: string): Pick<Template, 'category' | 'components' | 'language'> => ({
  category: 'UTILITY',
  language,
  components: [{ type: 'BODY', text }],
});

describe('lintUtilityTemplate', () => {
  it.each([
    ['pt_BR', 'Seu pedido chegou! Aproveite 20% de desconto na próxima compra.', ['desconto', 'aproveite', '20% de desconto']],
    ['pt_BR', 'PROMOCAO: FRETE GRATIS so hoje', ['promoção', 'frete grátis', 'só hoje']],
    ['pt_BR', 'Não perca: use o cupom VOLTA10.', ['cupom', 'não perca']],
    ['es_MX', 'Tu pedido llegó. ¡No te pierdas nuestras ofertas con envío gratis!', ['ofertas', 'envío gratis', 'no te pierdas']],
    ['es', 'Usa el cupón HOLA y obtén 15 % de descuento.', ['descuento', 'cupón', '15 % de descuento']],
    ['en_US', "Your order shipped. Don't miss our flash sale: 30% off!", ['sale', 'flash sale', "don't miss", '30% off']],
    ['en', 'Upgrade now with a free gift and free shipping.', ['free shipping', 'free gift', 'upgrade now']],
    ['fr', 'Votre commande: promoción y coupon', ['promoción', 'coupon']],
  ])('%s "%s" triggers %j', (language, text, triggers) => {
    const [warning] = lintUtilityTemplate(utility(language, text));
    expect(warning?.code).toBe('UTILITY_READS_AS_MARKETING');
    expect(warning?.path).toBe('components[0].text');
    expect([...(warning?.triggers ?? [])].sort()).toEqual([...triggers].sort());
  });

  it.each([
    ['pt_BR', 'Seu pedido #123 saiu para entrega e chega amanhã.'],
    ['pt_BR', 'O lançamento do boleto de R$ 99,00 foi confirmado.'],
    ['es_MX', 'Su pedido sale hoy del almacén.'],
    ['en_US', 'Your appointment is confirmed for Monday at 10am.'],
    ['en_US', 'Your account was offered no changes; promotional-free update.'],
  ])('%s "%s" passes', (language, text) => {
    expect(lintUtilityTemplate(utility(language, text))).toEqual([]);
  });

  it('looks at header, footer and button labels, not only the body', () => {
    const template: Pick<Template, 'category' | 'components' | 'language'> = {
      category: 'UTILITY',
      language: 'pt_BR',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Oferta para você' },
        { type: 'BODY', text: 'Seu pedido foi enviado.' },
        { type: 'FOOTER', text: 'Confira nossos produtos' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Quero o cupom' }, { type: 'COPY_CODE', example: 'X' }] },
      ],
    };
    expect(lintUtilityTemplate(template).map((w) => [w.path, w.triggers])).toEqual([
      ['components[0].text', ['oferta']],
      ['components[2].text', ['confira nossos']],
      ['components[3].buttons[0].text', ['cupom']],
    ]);
  });

  it('warns only about UTILITY templates', () => {
    expect(lintUtilityTemplate(SAMPLE_PROMOTION)).toEqual([]);
    expect(lintUtilityTemplate({ ...SAMPLE_PROMOTION, category: 'UTILITY' })).not.toEqual([]);
    expect(lintUtilityTemplate(SAMPLE_ORDER_UPDATE)).toEqual([]);
    expect(lintUtilityTemplate(SAMPLE_RESERVATION)).toEqual([]);
  });

  it('accepts a tenant lexicon', () => {
    expect(lintUtilityTemplate(utility('pt_BR', 'Clube de vantagens liberado'), ['clube de vantagens'])[0]?.triggers).toEqual(['clube de vantagens']);
  });

  it('picks the lexicon by language prefix, all of them when unknown', () => {
    expect(marketingTermsFor('pt_PT')).toBe(MARKETING_TERMS.pt);
    expect(marketingTermsFor('de')).toHaveLength(MARKETING_TERMS.pt.length + MARKETING_TERMS.es.length + MARKETING_TERMS.en.length);
  });

  it('matches whatever the case and accents (property)', () => {
    const term = fc.constantFrom(...MARKETING_TERMS.pt);
    const noise = fc.stringMatching(/^[a-z ]{0,10}$/);
    fc.assert(
      fc.property(term, noise, noise, fc.boolean(), (t, before, after, upper) => {
        const bare = t.normalize('NFD').replace(/\p{M}/gu, '');
        const written = upper ? bare.toUpperCase() : bare;
        expect(findMarketingTerms(`${before} ${written} ${after}`, MARKETING_TERMS.pt)).toContain(t);
      }),
    );
  });
});
