import type { PricingClassification, RateCategory } from './pricing.model';
import type { RateCard, RateCardMarket } from './rate-card.model';
import { SAMPLE_RATE_CARDS } from './sample-rate-cards.data';
import { countryOfWaId } from './calling-codes.data';
import { inDateRange, localDate } from './local-date.util';

export type CostEstimateStatus = 'FREE' | 'ESTIMATED' | 'NO_RATE_CARD' | 'NO_RATE';

export interface CostEstimate {
  readonly status: CostEstimateStatus;
  /** ≥ 0; non-zero only when ESTIMATED. List price: volume tiers are not applied. */
  readonly amount: number;
  readonly currency: string | null;
  readonly country: string | null;
  readonly market: string | null;
  readonly rateCategory: RateCategory | null;
  readonly rateCardId: string | null;
  readonly pricing: PricingClassification;
}

export interface EstimateOptions {
  readonly rateCards?: readonly RateCard[];
  readonly currency?: string;
  readonly wabaUtcOffsetMinutes?: number;
}

function marketFor(card: RateCard, country: string | null): RateCardMarket | undefined {
  return card.markets.find((m) => country !== null && m.countries.includes(country)) ?? card.markets.find((m) => m.market === card.fallbackMarket);
}

/** Cost of one message from its classification and the rate card in force when it was sent [M1] [M2]. */
export function estimateCost(pricing: PricingClassification, recipientWaId: string, at: Date, options: EstimateOptions = {}): CostEstimate {
  const country = countryOfWaId(recipientWaId);
  const base = { amount: 0, country, pricing, currency: null, market: null, rateCardId: null, rateCategory: pricing.billedAs };
  if (!pricing.charged || pricing.billedAs === null) return { ...base, status: 'FREE', rateCategory: null };
  const date = localDate(at, options.wabaUtcOffsetMinutes ?? 0);
  const unit = pricing.pricingModel === 'CBP' ? 'conversation' : 'message';
  const currency = options.currency ?? 'USD';
  const card = (options.rateCards ?? SAMPLE_RATE_CARDS).find(
    (c) => c.unit === unit && c.currency === currency && inDateRange(date, c.effectiveFrom, c.effectiveUntil),
  );
  if (!card) return { ...base, status: 'NO_RATE_CARD' };
  const market = marketFor(card, country);
  const rate = market?.rates[pricing.billedAs];
  const found = { ...base, currency: card.currency, rateCardId: card.id, market: market?.market ?? null };
  if (rate === undefined || rate < 0) return { ...found, status: 'NO_RATE' };
  return { ...found, status: 'ESTIMATED', amount: rate };
}
