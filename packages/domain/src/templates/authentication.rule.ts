import type { TemplateComponent, TemplateSubmission } from './template.model';
import { TEMPLATE_LIMITS } from './template-limits.data';
import { violation, type TemplateViolation } from './template-violation.model';

const { min: EXPIRY_MIN, max: EXPIRY_MAX } = TEMPLATE_LIMITS.codeExpirationMinutes;

function checkAuthComponent(c: TemplateComponent, path: string): TemplateViolation[] {
  switch (c.type) {
    case 'HEADER':
      return [violation(path, 'AUTH_COMPONENT_NOT_ALLOWED', 'Authentication templates have no header (no media, no URLs).')];
    case 'BODY':
      return c.text === undefined ? [] : [violation(`${path}.text`, 'AUTH_CUSTOM_TEXT_NOT_ALLOWED', "Authentication text is Meta's preset; set addSecurityRecommendation instead.")];
    case 'FOOTER': {
      const found = c.text === undefined ? [] : [violation(`${path}.text`, 'AUTH_CUSTOM_TEXT_NOT_ALLOWED', 'Authentication footers only take codeExpirationMinutes.')];
      const minutes = c.codeExpirationMinutes;
      if (minutes !== undefined && !(Number.isInteger(minutes) && minutes >= EXPIRY_MIN && minutes <= EXPIRY_MAX)) {
        found.push(violation(`${path}.codeExpirationMinutes`, 'AUTH_CODE_EXPIRATION_OUT_OF_RANGE', `Code expiration must be ${EXPIRY_MIN}–${EXPIRY_MAX} minutes.`));
      }
      return found;
    }
    case 'BUTTONS':
      return c.buttons.flatMap((b, i) =>
        b.type === 'OTP' && b.otpType !== 'COPY_CODE' && (b.supportedApps ?? []).length === 0
          ? [violation(`${path}.buttons[${i}].supportedApps`, 'AUTH_SUPPORTED_APPS_REQUIRED', `${b.otpType} buttons need the Android app's package name and signature hash.`)]
          : [],
      );
  }
}

function authOnlyFields(c: TemplateComponent, path: string): TemplateViolation[] {
  if (c.type === 'BODY' && c.addSecurityRecommendation !== undefined) {
    return [violation(`${path}.addSecurityRecommendation`, 'AUTH_ONLY_FIELD', 'Only authentication templates take addSecurityRecommendation.')];
  }
  if (c.type === 'FOOTER' && c.codeExpirationMinutes !== undefined) {
    return [violation(`${path}.codeExpirationMinutes`, 'AUTH_ONLY_FIELD', 'Only authentication templates take codeExpirationMinutes.')];
  }
  return [];
}

/** Authentication constraints [M16] [M17] [M7]: preset text, one OTP button, expiry 1–90 min. */
export function checkAuthentication(template: TemplateSubmission): TemplateViolation[] {
  if (template.category !== 'AUTHENTICATION') {
    return template.components.flatMap((c, i) => authOnlyFields(c, `components[${i}]`));
  }
  const found = template.components.flatMap((c, i) => checkAuthComponent(c, `components[${i}]`));
  const hasOtp = template.components.some((c) => c.type === 'BUTTONS' && c.buttons.some((b) => b.type === 'OTP'));
  if (!hasOtp) found.push(violation('components', 'AUTH_OTP_BUTTON_REQUIRED', 'Authentication templates need one OTP button (copy code, one-tap or zero-tap).'));
  return found;
}
