import { NON_US_NANP_AREA_CODES } from './nanp.data';

/**
 * `true` for a +1 number with a US area code (the US marketing pause [M21] [T10]). Unknown
 * +1 area codes count as US, so the pause errs on the side of not sending.
 */
export function isUsPhoneNumber(digits: string): boolean {
  if (!digits.startsWith('1') || digits.length !== 11) return false;
  return !NON_US_NANP_AREA_CODES.has(digits.slice(1, 4));
}
