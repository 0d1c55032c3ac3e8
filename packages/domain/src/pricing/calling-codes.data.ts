/**
 * Country calling code → ISO 3166-1 alpha-2, for rate-card market lookup [M1]. Shared codes
 * resolve to their main country (+1 → US, +7 → RU) unless a longer prefix is listed.
 * Data, not logic: extend as markets are added.
 */
export const CALLING_CODES: Readonly<Record<string, string>> = {
  '1': 'US', '7': 'RU', '76': 'KZ', '77': 'KZ', '20': 'EG', '27': 'ZA', '30': 'GR', '31': 'NL', '32': 'BE',
  '33': 'FR', '34': 'ES', '36': 'HU', '39': 'IT', '40': 'RO', '41': 'CH', '43': 'AT', '44': 'GB', '45': 'DK',
  '46': 'SE', '47': 'NO', '48': 'PL', '49': 'DE', '51': 'PE', '52': 'MX', '53': 'CU', '54': 'AR', '55': 'BR',
  '56': 'CL', '57': 'CO', '58': 'VE', '60': 'MY', '61': 'AU', '62': 'ID', '63': 'PH', '64': 'NZ', '65': 'SG',
  '66': 'TH', '81': 'JP', '82': 'KR', '84': 'VN', '86': 'CN', '90': 'TR', '91': 'IN', '92': 'PK', '93': 'AF',
  '94': 'LK', '98': 'IR', '212': 'MA', '213': 'DZ', '216': 'TN', '234': 'NG', '233': 'GH', '254': 'KE',
  '255': 'TZ', '256': 'UG', '351': 'PT', '352': 'LU', '353': 'IE', '354': 'IS', '356': 'MT', '357': 'CY',
  '358': 'FI', '359': 'BG', '370': 'LT', '371': 'LV', '372': 'EE', '380': 'UA', '385': 'HR', '386': 'SI',
  '420': 'CZ', '421': 'SK', '423': 'LI', '502': 'GT', '503': 'SV', '504': 'HN', '505': 'NI', '506': 'CR',
  '507': 'PA', '591': 'BO', '593': 'EC', '595': 'PY', '598': 'UY', '852': 'HK', '880': 'BD', '886': 'TW',
  '961': 'LB', '962': 'JO', '965': 'KW', '966': 'SA', '968': 'OM', '971': 'AE', '972': 'IL', '974': 'QA',
};

/** Country of a recipient from the longest known calling-code prefix of its digits; null if unknown. */
export function countryOfWaId(waId: string, codes: Readonly<Record<string, string>> = CALLING_CODES): string | null {
  const digits = waId.replace(/\D/g, '');
  for (let length = 4; length >= 1; length -= 1) {
    const country = codes[digits.slice(0, length)];
    if (country !== undefined && digits.length > length) return country;
  }
  return null;
}
