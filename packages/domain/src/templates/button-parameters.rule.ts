import type { Template, TemplateButton, TemplateButtonType } from './template.model';
import type { ButtonParameter, ButtonSubType } from './send-parameters.model';
import { parameterViolation, type ParameterViolation } from './parameter-violation.model';
import { charCount, findPlaceholders } from './placeholder.util';
import { TEMPLATE_LIMITS } from './template-limits.data';
import { buttonsOf } from './template-parts.util';
import { checkAuthCode, checkTextValue } from './send-values.rule';

/** The send-time `sub_type` for each button kind; null = the button takes no send values. */
const SUB_TYPE: Readonly<Record<TemplateButtonType, ButtonSubType | null>> = {
  QUICK_REPLY: 'quick_reply',
  URL: 'url',
  OTP: 'url',
  COPY_CODE: 'copy_code',
  FLOW: 'flow',
  PHONE_NUMBER: null,
  VOICE_CALL: null,
  REQUEST_CONTACT_INFO: null,
  CATALOG: null,
  MPM: null,
  SPM: null,
};

/** Catalog/product buttons need send-time actions Recado does not build. */
const UNSUPPORTED: readonly TemplateButtonType[] = ['CATALOG', 'MPM', 'SPM'];

function urlHasVariable(button: TemplateButton): boolean {
  return button.type === 'URL' && findPlaceholders(button.url).length > 0;
}

function needsValue(button: TemplateButton): boolean {
  return urlHasVariable(button) || button.type === 'OTP' || button.type === 'COPY_CODE';
}

function checkValue(button: TemplateButton, p: ButtonParameter, path: string, authCode: string | undefined): ParameterViolation[] {
  switch (p.subType) {
    case 'quick_reply':
      return p.payload.trim() === '' ? [parameterViolation(`${path}.payload`, 'PARAMETER_VALUE_EMPTY', 'A quick-reply payload may not be empty.')] : [];
    case 'copy_code':
      return checkTextValue(p.couponCode, `${path}.couponCode`).concat(
        charCount(p.couponCode) > TEMPLATE_LIMITS.couponCodeMaxLength
          ? [parameterViolation(`${path}.couponCode`, 'PARAMETER_VALUE_TOO_LONG', `Coupon codes have at most ${TEMPLATE_LIMITS.couponCodeMaxLength} characters.`)]
          : [],
      );
    case 'flow':
      return [];
    case 'url':
      if (button.type === 'OTP') {
        const mismatch = authCode !== undefined && authCode !== p.text;
        return [...checkAuthCode(p.text, `${path}.text`), ...(mismatch ? [parameterViolation(`${path}.text`, 'AUTH_CODE_MISMATCH', 'The button must carry the same code as the body.')] : [])];
      }
      if (!urlHasVariable(button)) return [parameterViolation(path, 'BUTTON_PARAMETER_UNEXPECTED', 'This URL button has no variable.')];
      return checkTextValue(p.text, `${path}.text`).concat(
        button.type === 'URL' && charCount(button.url.replace('{{1}}', p.text)) > TEMPLATE_LIMITS.urlMaxLength
          ? [parameterViolation(`${path}.text`, 'PARAMETER_VALUE_TOO_LONG', `The filled-in URL exceeds ${TEMPLATE_LIMITS.urlMaxLength} characters.`)]
          : [],
      );
  }
}

/** Button values go in their own `button` component with sub_type + index, never in the body [I13]. */
export function checkButtonParameters(template: Template, parameters: readonly ButtonParameter[] = [], authCode?: string): ParameterViolation[] {
  const buttons = buttonsOf(template);
  const found: ParameterViolation[] = [];
  const seen = new Set<number>();
  parameters.forEach((p, i) => {
    const path = `buttons[${i}]`;
    const button = Number.isInteger(p.index) ? buttons[p.index] : undefined;
    if (!button) found.push(parameterViolation(`${path}.index`, 'BUTTON_INDEX_INVALID', `The template has no button at index ${p.index}.`));
    else if (seen.has(p.index)) found.push(parameterViolation(`${path}.index`, 'BUTTON_PARAMETER_DUPLICATE', `Button ${p.index} is given more than once.`));
    else if (SUB_TYPE[button.type] !== p.subType) {
      found.push(parameterViolation(`${path}.subType`, 'BUTTON_SUB_TYPE_MISMATCH', `Button ${p.index} is ${button.type}; ${p.subType} does not apply.`));
    } else found.push(...checkValue(button, p, path, authCode));
    seen.add(p.index);
  });
  buttons.forEach((b, index) => {
    if (UNSUPPORTED.includes(b.type)) {
      found.push(parameterViolation('buttons', 'BUTTON_KIND_NOT_SUPPORTED', `Button ${index} (${b.type}) needs send-time actions Recado does not build.`));
    } else if (needsValue(b) && !seen.has(index)) {
      found.push(parameterViolation('buttons', 'BUTTON_PARAMETER_MISSING', `Button ${index} (${b.type}) needs a value.`));
    }
  });
  return found;
}
