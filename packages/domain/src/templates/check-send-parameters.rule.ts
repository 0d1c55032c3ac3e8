import type { ParameterViolation } from './parameter-violation.model';
import type { TemplateSendParameters } from './send-parameters.model';
import type { Template } from './template.model';

/** Checks send values against an approved template; empty = OK. (stub) */
export function checkSendParameters(_template: Template, _parameters: TemplateSendParameters): ParameterViolation[] {
  return [];
}
