import type { PricingModel, RateCategory } from './pricing.model';
import { inDateRange, localDate } from './local-date.util';

interface RegimeBase {
  readonly id: string;
  readonly pricingModel: PricingModel;
  /** Inclusive local date (WABA time zone). */
  readonly effectiveFrom: string;
  /** Exclusive; null = still in force. */
  readonly effectiveUntil: string | null;
  /** Free service units per business phone number per month; Infinity = all free. */
  readonly serviceMonthlyFreeTier: number;
  readonly source: string;
}

export interface CbpRegime extends RegimeBase {
  readonly pricingModel: 'CBP';
  readonly conversationHours: number;
  readonly entryPointConversationHours: number;
}

export interface PmpRegime extends RegimeBase {
  readonly pricingModel: 'PMP';
  /** Utility template delivered inside an open customer service window. */
  readonly utilityInWindow: 'free' | 'billed';
  /** Rate column for service messages beyond the free tier. */
  readonly serviceBilledAs: RateCategory;
}

export type PricingRegime = CbpRegime | PmpRegime;

/** Meta's pricing regimes as dated data (RULES.md §2.1–2.3); add a row, do not add a branch. */
export const PRICING_REGIMES: readonly PricingRegime[] = [
  {
    id: 'CBP_2023_06', pricingModel: 'CBP', effectiveFrom: '2023-06-01', effectiveUntil: '2024-11-01',
    conversationHours: 24, entryPointConversationHours: 72, serviceMonthlyFreeTier: 1000, source: '[M2]',
  },
  {
    id: 'CBP_2024_11', pricingModel: 'CBP', effectiveFrom: '2024-11-01', effectiveUntil: '2025-07-01',
    conversationHours: 24, entryPointConversationHours: 72, serviceMonthlyFreeTier: Number.POSITIVE_INFINITY, source: '[M2]',
  },
  {
    id: 'PMP_2025_07', pricingModel: 'PMP', effectiveFrom: '2025-07-01', effectiveUntil: '2026-10-01',
    utilityInWindow: 'free', serviceMonthlyFreeTier: Number.POSITIVE_INFINITY, serviceBilledAs: 'service', source: '[M1] [T1]',
  },
  {
    id: 'PMP_2026_10', pricingModel: 'PMP', effectiveFrom: '2026-10-01', effectiveUntil: null,
    utilityInWindow: 'billed', serviceMonthlyFreeTier: 1000, serviceBilledAs: 'utility', source: '[M5] [T2] [T3] [T4]',
  },
];

/** The regime whose date range contains `at` (in the WABA's time zone), if any. */
export function findPricingRegime(
  at: Date,
  regimes: readonly PricingRegime[] = PRICING_REGIMES,
  utcOffsetMinutes = 0,
): PricingRegime | undefined {
  const date = localDate(at, utcOffsetMinutes);
  return regimes.find((r) => inDateRange(date, r.effectiveFrom, r.effectiveUntil));
}
