import type { ErrorObject, ValidateFunction } from 'ajv';
import type { JsonSchema, OpenApiDocument } from './openapi-normalise';

/** What `toCheck` needs of a validator. */
export interface Validator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null | undefined;
}

function at(document: OpenApiDocument, pointer: string): JsonSchema | undefined {
  let node: unknown = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  const schema = node as JsonSchema | undefined;
  const ref = schema?.['$ref'];
  return typeof ref === 'string' && ref.startsWith('#') ? at(document, ref.slice(1)) : schema;
}

/**
 * A `oneOf` with an OpenAPI discriminator validated against the mapped member only, as the
 * discriminator intends: each member fixes the property's value, so the others would fail anyway.
 * Values without a mapping fall back to the whole `oneOf`, for its full error report.
 */
export function discriminated(document: OpenApiDocument, pointer: string, compile: (pointer: string) => ValidateFunction): Validator | undefined {
  const schema = at(document, pointer);
  const discriminator = schema?.['discriminator'] as { propertyName?: string; mapping?: Record<string, string> } | undefined;
  if (!Array.isArray(schema?.['oneOf']) || discriminator?.propertyName === undefined || discriminator.mapping === undefined) return undefined;
  const { propertyName, mapping } = discriminator;
  const whole = compile(pointer);
  const members = new Map(Object.entries(mapping).map(([value, ref]) => [value, compile(ref.replace(/^#/, ''))]));
  const validate: Validator = (value) => {
    const tag = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[propertyName] : undefined;
    const member = typeof tag === 'string' ? members.get(tag) : undefined;
    const chosen = member ?? whole;
    const valid = chosen(value);
    validate.errors = chosen.errors;
    return valid;
  };
  return validate;
}
