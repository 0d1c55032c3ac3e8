import { countryOfWaId } from './calling-codes.data';
import { findPricingRegime } from './pricing-regimes.data';

describe('countryOfWaId', () => {
  it.each([
    ['5511987654321', 'BR'],
    ['+55 (11) 98765-4321', 'BR'],
    ['16505551234', 'US'],
    ['77012345678', 'KZ'],
    ['79161234567', 'RU'],
    ['35312345678', 'IE'],
    ['59899123456', 'UY'],
    ['8881234567', null],
    ['55', null],
    ['', null],
  ])('%s → %s', (waId, country) => {
    expect(countryOfWaId(waId)).toBe(country);
  });
});

describe('findPricingRegime', () => {
  it.each([
    ['2023-06-01T00:00:00Z', 'CBP_2023_06'],
    ['2024-10-31T23:59:59Z', 'CBP_2023_06'],
    ['2024-11-01T00:00:00Z', 'CBP_2024_11'],
    ['2025-06-30T23:59:59Z', 'CBP_2024_11'],
    ['2025-07-01T00:00:00Z', 'PMP_2025_07'],
    ['2026-09-30T23:59:59Z', 'PMP_2025_07'],
    ['2026-10-01T00:00:00Z', 'PMP_2026_10'],
    ['2040-01-01T00:00:00Z', 'PMP_2026_10'],
    ['2023-05-31T23:59:59Z', undefined],
  ])('%s → %s', (iso, id) => {
    expect(findPricingRegime(new Date(iso))?.id).toBe(id);
  });
});
