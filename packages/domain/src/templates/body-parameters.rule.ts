import type { Template } from './template.model';
import type { BodyParameter } from './send-parameters.model';
import { parameterViolation, type ParameterViolation } from './parameter-violation.model';
import { charCount, distinctKeys, findPlaceholders } from './placeholder.util';
import { TEMPLATE_LIMITS } from './template-limits.data';
import { effectiveBodyText } from './template-parts.util';
import { checkAuthCode, checkBodyValue, displayValue, substitute } from './send-values.rule';

const BODY_TYPES: readonly string[] = ['text', 'currency', 'date_time'];

/** Placeholder keys the body expects, in order of first appearance. */
export function bodyKeys(template: Template): string[] {
  return distinctKeys(findPlaceholders(effectiveBodyText(template)).filter((p) => p.kind !== 'invalid'));
}

/** Key → shown text: position (1-based) for POSITIONAL, `parameterName` for NAMED. */
export function bodyValues(template: Template, parameters: readonly BodyParameter[]): Map<string, string> {
  return new Map(
    parameters.map((p, i) => [template.parameterFormat === 'NAMED' ? (p.parameterName ?? '') : String(i + 1), displayValue(p)]),
  );
}

function checkPositional(keys: readonly string[], parameters: readonly BodyParameter[]): ParameterViolation[] {
  const found = parameters.flatMap((p, i) =>
    p.parameterName === undefined ? [] : [parameterViolation(`body[${i}].parameterName`, 'PARAMETER_NAME_NOT_ALLOWED', 'Positional templates take values in order, without parameterName.')],
  );
  if (parameters.length !== keys.length) {
    found.push(parameterViolation('body', 'PARAMETER_COUNT_MISMATCH', `The body expects ${keys.length} value(s), got ${parameters.length} (Meta error 132000).`));
  }
  return found;
}

/** NAMED: every value carries a known, unique parameterName and every name gets a value [I11] [I12]. */
function checkNamed(keys: readonly string[], parameters: readonly BodyParameter[]): ParameterViolation[] {
  const found: ParameterViolation[] = [];
  const seen = new Set<string>();
  parameters.forEach((p, i) => {
    const path = `body[${i}].parameterName`;
    const name = p.parameterName ?? '';
    if (name === '') found.push(parameterViolation(path, 'PARAMETER_NAME_MISSING', 'Named templates need parameterName on every value.'));
    else if (!keys.includes(name)) found.push(parameterViolation(path, 'PARAMETER_NAME_UNKNOWN', `The body has no {{${name}}}.`));
    else if (seen.has(name)) found.push(parameterViolation(path, 'PARAMETER_NAME_DUPLICATE', `{{${name}}} is given more than once.`));
    seen.add(name);
  });
  const missing = keys.filter((k) => !seen.has(k));
  if (missing.length > 0) {
    found.push(parameterViolation('body', 'PARAMETER_COUNT_MISMATCH', `Missing value(s) for ${missing.map((k) => `{{${k}}}`).join(', ')} (Meta error 132000).`));
  }
  return found;
}

function checkValues(template: Template, parameters: readonly BodyParameter[]): ParameterViolation[] {
  const isAuth = template.category === 'AUTHENTICATION';
  return parameters.flatMap((p, i) => {
    const path = `body[${i}]`;
    if (!BODY_TYPES.includes(p.type) || (isAuth && p.type !== 'text')) {
      return [parameterViolation(`${path}.type`, 'PARAMETER_TYPE_NOT_ALLOWED', `A ${String(p.type)} value is not allowed here.`)];
    }
    return [...checkBodyValue(p, path), ...(isAuth && p.type === 'text' ? checkAuthCode(p.text, `${path}.text`) : [])];
  });
}

/** Body values: count, names and types must match the approved template (132000/132012/132018/132005). */
export function checkBodyParameters(template: Template, parameters: readonly BodyParameter[] = []): ParameterViolation[] {
  const keys = bodyKeys(template);
  const found = checkValues(template, parameters);
  found.push(...(template.parameterFormat === 'NAMED' ? checkNamed(keys, parameters) : checkPositional(keys, parameters)));
  if (found.length === 0) {
    const rendered = substitute(effectiveBodyText(template), bodyValues(template, parameters));
    if (charCount(rendered) > TEMPLATE_LIMITS.bodyTextMaxLength) {
      found.push(parameterViolation('body', 'RENDERED_TEXT_TOO_LONG', `The filled-in body exceeds ${TEMPLATE_LIMITS.bodyTextMaxLength} characters (Meta error 132005).`));
    }
  }
  return found;
}
