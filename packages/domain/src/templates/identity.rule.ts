import type { TemplateCategory } from './template.model';
import { LANGUAGE_CODE_FORMAT, META_TEMPLATE_LANGUAGES } from './template-languages.data';
import { TEMPLATE_LIMITS, TTL_RANGES } from './template-limits.data';
import { violation, type TemplateViolation } from './template-violation.model';
import { charCount } from './placeholder.util';

const NAME_FORMAT = /^[a-z0-9_]+$/;

/** Name: lowercase alphanumerics and `_`, ≤512 characters [M8]. */
export function checkTemplateName(name: string): TemplateViolation[] {
  if (name.length === 0) return [violation('name', 'NAME_EMPTY', 'The template name is required.')];
  const found: TemplateViolation[] = [];
  if (charCount(name) > TEMPLATE_LIMITS.nameMaxLength) {
    found.push(violation('name', 'NAME_TOO_LONG', `The name must have at most ${TEMPLATE_LIMITS.nameMaxLength} characters.`));
  }
  if (!NAME_FORMAT.test(name)) {
    found.push(violation('name', 'NAME_INVALID_CHARACTERS', 'The name may contain only lowercase letters, digits and underscores.'));
  }
  return found;
}

/** Language: one of Meta's codes, written with an underscore (`pt_BR`) [M18]. */
export function checkTemplateLanguage(
  language: string,
  supported: readonly string[] = META_TEMPLATE_LANGUAGES,
): TemplateViolation[] {
  if (!LANGUAGE_CODE_FORMAT.test(language)) {
    const hint = language.includes('-') ? ` Use "${language.replace('-', '_')}".` : '';
    return [violation('language', 'LANGUAGE_INVALID_FORMAT', `"${language}" is not a Meta language code.${hint}`)];
  }
  if (!supported.includes(language)) {
    return [violation('language', 'LANGUAGE_UNSUPPORTED', `Meta does not support the language "${language}" for templates.`)];
  }
  return [];
}

/** Custom TTL ranges per category; -1 = Meta's 30-day default [M15]. */
export function checkTtl(category: TemplateCategory, ttlSeconds: number | undefined): TemplateViolation[] {
  if (ttlSeconds === undefined || ttlSeconds === -1) return [];
  const range = TTL_RANGES[category];
  if (Number.isInteger(ttlSeconds) && ttlSeconds >= range.min && ttlSeconds <= range.max) return [];
  return [
    violation(
      'messageSendTtlSeconds',
      'TTL_OUT_OF_RANGE',
      `${category} templates accept a TTL of ${range.min}–${range.max} seconds (or -1).`,
    ),
  ];
}
