import { inDateRange } from './local-date.util';

/**
 * Markets where non-template messages of general-purpose AI assistant providers are billed
 * (`general_purpose_ai`) [M4]: Italy from 2026-02-16, then the EEA and Brazil from 2026-03-11 ⚠️.
 */
const EEA_FROM_2026_03_11 = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
];

export const GENERAL_PURPOSE_AI_MARKETS: readonly { readonly country: string; readonly from: string }[] = [
  { country: 'IT', from: '2026-02-16' },
  { country: 'BR', from: '2026-03-11' },
  ...EEA_FROM_2026_03_11.map((country) => ({ country, from: '2026-03-11' })),
];

export function generalPurposeAiBilled(country: string | null, date: string): boolean {
  return GENERAL_PURPOSE_AI_MARKETS.some((m) => m.country === country && inDateRange(date, m.from, null));
}
