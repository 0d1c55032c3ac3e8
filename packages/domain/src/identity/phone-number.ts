export type PhoneNumberProblem = 'EMPTY' | 'INVALID_CHARACTERS' | 'LEADING_ZERO' | 'TOO_SHORT' | 'TOO_LONG';

export type PhoneNumberResult =
  | { readonly ok: true; readonly digits: string }
  | { readonly ok: false; readonly problem: PhoneNumberProblem; readonly message: string };

export interface PhoneNumberOptions {
  /**
   * Calling code (e.g. `55`) for numbers typed without `+` or `00`; such input is then read
   * as national and its trunk zeros dropped. Without it, bare digits are read as Meta
   * writes them: country code first, no `+`.
   */
  readonly defaultCallingCode?: string;
}

const SEPARATORS = /[\s\u00a0\-.()/]/gu;
const E164_MIN_DIGITS = 7;
const E164_MAX_DIGITS = 15;

/** E.164 digits without `+` ("+55 (11) 98765-4321" → "5511987654321"), as Meta's `to`. */
export function normalizePhoneNumber(input: string, options: PhoneNumberOptions = {}): PhoneNumberResult {
  const compact = input.trim().replace(SEPARATORS, '');
  if (compact === '') return problem('EMPTY', 'No phone number given.');
  const digits = internationalDigits(compact, options.defaultCallingCode);
  if (!/^\d+$/u.test(digits)) return problem('INVALID_CHARACTERS', `"${input}" has characters other than digits.`);
  if (digits.startsWith('0')) return problem('LEADING_ZERO', 'No country calling code starts with 0.');
  if (digits.length < E164_MIN_DIGITS) return problem('TOO_SHORT', `"${input}" is too short for E.164.`);
  if (digits.length > E164_MAX_DIGITS) return problem('TOO_LONG', 'E.164 numbers have at most 15 digits.');
  return { ok: true, digits };
}

function internationalDigits(compact: string, defaultCallingCode: string | undefined): string {
  if (compact.startsWith('+')) return compact.slice(1);
  if (compact.startsWith('00')) return compact.slice(2);
  if (defaultCallingCode === undefined) return compact;
  return defaultCallingCode + compact.replace(/^0+/u, '');
}

function problem(code: PhoneNumberProblem, message: string): PhoneNumberResult {
  return { ok: false, problem: code, message };
}

const BRAZIL_MOBILE = /^55(\d{2})(9?)([6-9]\d{7})$/u;

/**
 * Forms a Brazilian mobile may have on WhatsApp: accounts registered before the ninth digit
 * can be keyed without it [I17]. Use only to match a `wa_id` to a dialled number; the
 * `wa_id` Meta returns stays canonical [M6]. Other numbers yield just themselves.
 */
export function brazilianMobileVariants(digits: string): readonly string[] {
  const match = BRAZIL_MOBILE.exec(digits);
  if (match === null) return [digits];
  const [, area = '', ninth = '', subscriber = ''] = match;
  const withNinth = `55${area}9${subscriber}`;
  const withoutNinth = `55${area}${subscriber}`;
  return ninth === '9' ? [withNinth, withoutNinth] : [withoutNinth, withNinth];
}
