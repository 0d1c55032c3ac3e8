import type { BodyParameter } from './send-parameters.model';
import { parameterViolation, type ParameterViolation } from './parameter-violation.model';
import { charCount } from './placeholder.util';
import { TEMPLATE_LIMITS } from './template-limits.data';

/** 132018: no newline, tab or more than 4 consecutive spaces in parameter text [M27] 🟡. */
const FORBIDDEN_WHITESPACE = /[\n\r\t]| {5,}/;
const URL_LIKE = /https?:\/\/|www\./i;
const EMOJI = /\p{Extended_Pictographic}/u;

export function checkTextValue(text: string, path: string): ParameterViolation[] {
  if (text.trim() === '') return [parameterViolation(path, 'PARAMETER_VALUE_EMPTY', 'The value may not be empty.')];
  return FORBIDDEN_WHITESPACE.test(text)
    ? [parameterViolation(path, 'PARAMETER_VALUE_INVALID_WHITESPACE', 'No line breaks, tabs or more than 4 consecutive spaces (Meta error 132018).')]
    : [];
}

/** One body/header value by type: text, currency (ISO code, amount × 1000) or date_time [M9]. */
export function checkBodyValue(parameter: BodyParameter, path: string): ParameterViolation[] {
  switch (parameter.type) {
    case 'text':
      return checkTextValue(parameter.text, `${path}.text`);
    case 'currency': {
      const { code, amount1000, fallbackValue } = parameter.currency;
      const found = fallbackValue.trim() === '' ? [parameterViolation(`${path}.currency.fallbackValue`, 'PARAMETER_VALUE_EMPTY', 'A currency needs a fallback value.')] : [];
      if (!/^[A-Z]{3}$/.test(code)) found.push(parameterViolation(`${path}.currency.code`, 'PARAMETER_VALUE_INVALID', 'Use an ISO 4217 currency code such as BRL.'));
      if (!Number.isSafeInteger(amount1000)) found.push(parameterViolation(`${path}.currency.amount1000`, 'PARAMETER_VALUE_INVALID', 'amount1000 is the amount × 1000 as an integer.'));
      return found;
    }
    case 'date_time':
      return parameter.dateTime.fallbackValue.trim() === ''
        ? [parameterViolation(`${path}.dateTime.fallbackValue`, 'PARAMETER_VALUE_EMPTY', 'A date_time needs a fallback value.')]
        : [];
  }
}

/** Authentication codes: ≤15 characters, no URLs or emoji [M7] [M16]. */
export function checkAuthCode(code: string, path: string): ParameterViolation[] {
  const found: ParameterViolation[] = [];
  if (charCount(code) > TEMPLATE_LIMITS.authParameterMaxLength) {
    found.push(parameterViolation(path, 'PARAMETER_VALUE_TOO_LONG', `Authentication codes have at most ${TEMPLATE_LIMITS.authParameterMaxLength} characters.`));
  }
  if (URL_LIKE.test(code) || EMOJI.test(code)) {
    found.push(parameterViolation(path, 'PARAMETER_VALUE_INVALID', 'Authentication codes may not contain URLs or emoji.'));
  }
  return found;
}

/** The text a parameter shows in the message (currency and date_time show their fallback). */
export function displayValue(parameter: BodyParameter): string {
  switch (parameter.type) {
    case 'text':
      return parameter.text;
    case 'currency':
      return parameter.currency.fallbackValue;
    case 'date_time':
      return parameter.dateTime.fallbackValue;
  }
}

/** Replaces each `{{key}}` that has a value; others stay as they are. */
export function substitute(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(/\{\{([^{}]*)\}\}/g, (raw, key: string) => values.get(key) ?? raw);
}
