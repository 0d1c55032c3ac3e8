import type { RateCategory } from './pricing.model';

/** One row of a rate card: a billing market, the countries in it and its price per unit. */
export interface RateCardMarket {
  readonly market: string;
  /** ISO 3166-1 alpha-2 codes resolved from the recipient's calling code. */
  readonly countries: readonly string[];
  /** Price per unit in the card's currency; a missing column means "no rate published". */
  readonly rates: Readonly<Partial<Record<RateCategory, number>>>;
}

/** A dated rate card (format documented in docs/RULES.md §10). */
export interface RateCard {
  readonly id: string;
  /** ISO 4217, e.g. USD or BRL. */
  readonly currency: string;
  /** CBP cards price conversations; PMP cards price delivered messages. */
  readonly unit: 'conversation' | 'message';
  /** Inclusive `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  /** Exclusive; null = until replaced. */
  readonly effectiveUntil: string | null;
  readonly markets: readonly RateCardMarket[];
  /** Market used for countries no row lists (Meta's "Other"). */
  readonly fallbackMarket: string;
  readonly source: string;
}
