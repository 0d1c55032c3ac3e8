import type { ParameterViolation } from './parameter-violation.model';
import type { TemplateSendParameters } from './send-parameters.model';
import type { Template } from './template.model';
import { checkHeaderParameter } from './header-parameter.rule';
import { checkBodyParameters } from './body-parameters.rule';
import { checkButtonParameters } from './button-parameters.rule';

function authCodeOf(template: Template, parameters: TemplateSendParameters): string | undefined {
  const first = parameters.body?.[0];
  return template.category === 'AUTHENTICATION' && first?.type === 'text' ? first.text : undefined;
}

/**
 * Checks send values against a template: count, names, types, whitespace and lengths
 * (what Meta would refuse with 132000/132005/132012/132018). Empty = OK.
 * Does not look at the template's status: `decide()` owns that with its own codes.
 */
export function checkSendParameters(template: Template, parameters: TemplateSendParameters): ParameterViolation[] {
  return [
    ...checkHeaderParameter(template, parameters.header),
    ...checkBodyParameters(template, parameters.body),
    ...checkButtonParameters(template, parameters.buttons, authCodeOf(template, parameters)),
  ];
}
