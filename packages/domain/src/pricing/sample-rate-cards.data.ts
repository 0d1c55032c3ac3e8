import type { RateCard, RateCardMarket } from './rate-card.model';

/*
 * SAMPLE cards in USD, shaped like Meta's published card [M1] [M2] with realistic figures for a
 * few markets. For tests and demos only: load the current card from Meta before billing anyone.
 */
const REST_OF_LATAM = ['BO', 'CR', 'CU', 'DO', 'EC', 'GT', 'HN', 'NI', 'PA', 'PY', 'SV', 'UY', 'VE'];

const cbpMarkets: readonly RateCardMarket[] = [
  { market: 'Brazil', countries: ['BR'], rates: { marketing: 0.0625, utility: 0.008, authentication: 0.0315, service: 0.03 } },
  { market: 'Mexico', countries: ['MX'], rates: { marketing: 0.0436, utility: 0.01, authentication: 0.0239, service: 0.0088 } },
  { market: 'North America', countries: ['US', 'CA'], rates: { marketing: 0.025, utility: 0.004, authentication: 0.0135, service: 0.0088 } },
  { market: 'India', countries: ['IN'], rates: { marketing: 0.0107, utility: 0.0014, authentication: 0.0014, authentication_international: 0.028, service: 0.004 } },
  { market: 'Other', countries: [], rates: { marketing: 0.0604, utility: 0.008, authentication: 0.0302, service: 0.026 } },
];

const pmpMarkets = (indiaMarketing: number): readonly RateCardMarket[] => [
  { market: 'Brazil', countries: ['BR'], rates: { marketing: 0.0625, utility: 0.0068, authentication: 0.0068 } },
  { market: 'Mexico', countries: ['MX'], rates: { marketing: 0.0305, utility: 0.0085, authentication: 0.0085 } },
  { market: 'Argentina', countries: ['AR'], rates: { marketing: 0.0618, utility: 0.026, authentication: 0.026 } },
  { market: 'Colombia', countries: ['CO'], rates: { marketing: 0.0125, utility: 0.0008, authentication: 0.0008 } },
  { market: 'North America', countries: ['US', 'CA'], rates: { marketing: 0.025, utility: 0.004, authentication: 0.0135 } },
  { market: 'India', countries: ['IN'], rates: { marketing: indiaMarketing, utility: 0.0014, authentication: 0.0014, authentication_international: 0.028 } },
  { market: 'Rest of Latin America', countries: REST_OF_LATAM, rates: { marketing: 0.074, utility: 0.0113, authentication: 0.0113 } },
  { market: 'Other', countries: [], rates: { marketing: 0.0604, utility: 0.0077, authentication: 0.0077 } },
];

export const SAMPLE_RATE_CARDS: readonly RateCard[] = [
  {
    id: 'sample-usd-cbp-2024-08', currency: 'USD', unit: 'conversation', effectiveFrom: '2024-08-01', effectiveUntil: '2025-07-01',
    markets: cbpMarkets, fallbackMarket: 'Other', source: 'sample after [M2]',
  },
  {
    id: 'sample-usd-pmp-2025-07', currency: 'USD', unit: 'message', effectiveFrom: '2025-07-01', effectiveUntil: '2026-01-01',
    markets: pmpMarkets(0.0107), fallbackMarket: 'Other', source: 'sample after [M1] [T1]',
  },
  {
    id: 'sample-usd-pmp-2026-01', currency: 'USD', unit: 'message', effectiveFrom: '2026-01-01', effectiveUntil: null,
    markets: pmpMarkets(0.0118), fallbackMarket: 'Other', source: 'sample after [M1] (2026-01 India marketing up)',
  },
];
