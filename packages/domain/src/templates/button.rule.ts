import type { TemplateButton, UrlButton } from './template.model';
import { TEMPLATE_LIMITS } from './template-limits.data';
import { violation, type TemplateViolation } from './template-violation.model';
import { charCount, findPlaceholders } from './placeholder.util';

const PHONE = /^\+?[0-9]{1,19}$/;

function checkLabel(text: string | undefined, required: boolean, path: string): TemplateViolation[] {
  if (text === undefined || text.trim() === '') {
    return required ? [violation(path, 'BUTTON_TEXT_MISSING', 'The button needs a label.')] : [];
  }
  return charCount(text) > TEMPLATE_LIMITS.buttonTextMaxLength
    ? [violation(path, 'BUTTON_TEXT_TOO_LONG', `Button labels have at most ${TEMPLATE_LIMITS.buttonTextMaxLength} characters.`)]
    : [];
}

/** URL buttons [M9]: http(s), ≤2,000 chars, one `{{1}}` only at the very end, with an example. */
function checkUrl(button: UrlButton, path: string): TemplateViolation[] {
  const found: TemplateViolation[] = [];
  const url = button.url;
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) found.push(violation(`${path}.url`, 'BUTTON_URL_INVALID', 'Use an absolute http(s) URL.'));
  if (charCount(url) > TEMPLATE_LIMITS.urlMaxLength) {
    found.push(violation(`${path}.url`, 'BUTTON_URL_TOO_LONG', `URLs have at most ${TEMPLATE_LIMITS.urlMaxLength} characters.`));
  }
  const placeholders = findPlaceholders(url);
  if (placeholders.length > 1) {
    found.push(violation(`${path}.url`, 'BUTTON_URL_TOO_MANY_VARIABLES', 'A URL may have only one variable.'));
  }
  const last = placeholders[placeholders.length - 1];
  if (last && (last.key !== '1' || last.end !== url.length)) {
    found.push(violation(`${path}.url`, 'BUTTON_URL_VARIABLE_NOT_AT_END', 'The URL variable must be {{1}} at the very end.'));
  }
  if (placeholders.length > 0 && (button.example ?? []).filter((e) => e.trim() !== '').length === 0) {
    found.push(violation(`${path}.example`, 'BUTTON_URL_EXAMPLE_MISSING', 'A URL with a variable needs an example URL.'));
  }
  return found;
}

/** Checks one button on its own; counts and grouping are checked over the list. */
export function checkButton(button: TemplateButton, path: string): TemplateViolation[] {
  switch (button.type) {
    case 'QUICK_REPLY':
      return checkLabel(button.text, true, `${path}.text`);
    case 'URL':
      return [...checkLabel(button.text, true, `${path}.text`), ...checkUrl(button, path)];
    case 'PHONE_NUMBER':
      return [
        ...checkLabel(button.text, true, `${path}.text`),
        ...(PHONE.test(button.phoneNumber.replace(/[\s()-]/g, '')) && charCount(button.phoneNumber) <= TEMPLATE_LIMITS.phoneNumberMaxLength
          ? []
          : [violation(`${path}.phoneNumber`, 'BUTTON_PHONE_INVALID', 'Use a phone number of at most 20 characters, digits with an optional +.')]),
      ];
    case 'COPY_CODE': {
      const example = button.example ?? '';
      return example.trim() !== '' && charCount(example) <= TEMPLATE_LIMITS.couponCodeMaxLength
        ? []
        : [violation(`${path}.example`, 'COPY_CODE_EXAMPLE_INVALID', `A copy-code button needs an example code of 1–${TEMPLATE_LIMITS.couponCodeMaxLength} characters.`)];
    }
    case 'OTP':
      return checkLabel(button.text, false, `${path}.text`);
    case 'FLOW':
      return [
        ...checkLabel(button.text, true, `${path}.text`),
        ...(button.flowId ?? button.flowName
          ? []
          : [violation(path, 'FLOW_REFERENCE_MISSING', 'A flow button needs a flowId or flowName.')]),
      ];
    case 'CATALOG':
    case 'MPM':
    case 'SPM':
    case 'VOICE_CALL':
    case 'REQUEST_CONTACT_INFO':
      return checkLabel(button.text, false, `${path}.text`);
  }
}
