/**
 * Words and phrases that make a UTILITY template read as promotion [M7] (sales, offers,
 * coupons, upsell, urgency). Matched whole-word, case- and accent-insensitively.
 * Data, not logic: tenants may pass their own list to `lintUtilityTemplate`.
 */
export const MARKETING_TERMS: Readonly<Record<'pt' | 'es' | 'en', readonly string[]>> = {
  pt: [
    'promoção', 'promoções', 'promo', 'desconto', 'descontos', 'oferta', 'ofertas', 'cupom', 'cupons',
    'frete grátis', 'não perca', 'imperdível', 'imperdíveis', 'liquidação', 'queima de estoque', 'aproveite',
    'compre já', 'compre agora', 'só hoje', 'somente hoje', 'última chance', 'últimas unidades',
    'por tempo limitado', 'exclusivo para você', 'brinde', 'cashback', 'black friday', 'preço especial',
    'condição especial', 'condições especiais', 'economize', 'garanta já', 'garanta o seu', 'garanta a sua',
    'novidades', 'confira nossos', 'upgrade', 'indique um amigo',
  ],
  es: [
    'promoción', 'promociones', 'descuento', 'descuentos', 'oferta', 'ofertas', 'cupón', 'cupones',
    'envío gratis', 'no te pierdas', 'no se pierda', 'imperdible', 'liquidación', 'rebajas', 'aprovecha',
    'aproveche', 'compra ya', 'compra ahora', 'solo hoy', 'última oportunidad', 'tiempo limitado',
    'exclusivo para ti', 'regalo', 'cashback', 'black friday', 'precio especial', 'ahorra', '2x1',
    'novedades',
  ],
  en: [
    'promotion', 'promotions', 'promo', 'promo code', 'discount', 'discounts', 'offer', 'offers',
    'special offer', 'deal', 'deals', 'coupon', 'coupons', 'voucher', 'free shipping', "don't miss",
    'dont miss', 'do not miss', 'limited time', 'last chance', 'buy now', 'shop now', 'order now',
    'today only', 'sale', 'flash sale', 'clearance', 'exclusive offer', 'free gift', 'giveaway', 'cashback',
    'black friday', 'best price', 'lowest price', 'save up to', 'upgrade now', 'upsell', 'new arrivals',
    'you may also like', 'refer a friend',
  ],
};

export type LexiconLanguage = keyof typeof MARKETING_TERMS;

/** Terms for a template language (`pt_BR` → pt); every list when the language has none. */
export function marketingTermsFor(language: string): readonly string[] {
  const prefix = language.slice(0, 2);
  if (prefix === 'pt' || prefix === 'es' || prefix === 'en') return MARKETING_TERMS[prefix];
  return [...MARKETING_TERMS.pt, ...MARKETING_TERMS.es, ...MARKETING_TERMS.en];
}

/** Percentages sold as a discount: "20% off", "15% de desconto", "30 % de descuento". */
export const DISCOUNT_PATTERN = /\b\d{1,3}\s?%\s?(?:off|de desconto|de descuento|dto)\b/gu;
