/** Stable codes for send-time parameter problems; the Meta error each one prevents is in the docs. */
export const PARAMETER_VIOLATION_CODES = [
  'TEMPLATE_NOT_SENDABLE',
  'PARAMETER_COUNT_MISMATCH',
  'PARAMETER_NAME_MISSING',
  'PARAMETER_NAME_NOT_ALLOWED',
  'PARAMETER_NAME_UNKNOWN',
  'PARAMETER_NAME_DUPLICATE',
  'PARAMETER_TYPE_NOT_ALLOWED',
  'PARAMETER_VALUE_EMPTY',
  'PARAMETER_VALUE_INVALID_WHITESPACE',
  'PARAMETER_VALUE_TOO_LONG',
  'PARAMETER_VALUE_INVALID',
  'RENDERED_TEXT_TOO_LONG',
  'HEADER_PARAMETER_MISSING',
  'HEADER_PARAMETER_UNEXPECTED',
  'HEADER_PARAMETER_TYPE_MISMATCH',
  'MEDIA_SOURCE_INVALID',
  'BUTTON_INDEX_INVALID',
  'BUTTON_PARAMETER_MISSING',
  'BUTTON_PARAMETER_DUPLICATE',
  'BUTTON_PARAMETER_UNEXPECTED',
  'BUTTON_SUB_TYPE_MISMATCH',
  'BUTTON_KIND_NOT_SUPPORTED',
  'AUTH_CODE_MISMATCH',
] as const;

export type ParameterViolationCode = (typeof PARAMETER_VIOLATION_CODES)[number];

export interface ParameterViolation {
  /** Where in the send parameters, e.g. `body[2].text` or `buttons[0]`. */
  readonly path: string;
  readonly code: ParameterViolationCode;
  readonly message: string;
}

export function parameterViolation(path: string, code: ParameterViolationCode, message: string): ParameterViolation {
  return { path, code, message };
}
