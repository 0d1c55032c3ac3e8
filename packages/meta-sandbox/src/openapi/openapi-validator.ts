import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { discriminated, type Validator } from './openapi-discriminator';
import type { OpenApiDocument } from './openapi-normalise';

const DOCUMENT_ID = 'meta-openapi.json';

/** One schema violation, as Ajv reports it. */
export interface SchemaViolation {
  readonly path: string;
  readonly message: string;
}

export type SchemaCheck = { readonly valid: true } | { readonly valid: false; readonly violations: readonly SchemaViolation[] };

/** Validates values against schemas of Meta's OpenAPI description, compiling each schema once. */
export interface OpenApiValidator {
  readonly document: OpenApiDocument;
  /** Against `#/components/schemas/<name>`. */
  schema(name: string, value: unknown): SchemaCheck;
  /** Against the JSON request body of an operation, e.g. `('/{Version}/{Phone-Number-ID}/messages', 'post')`. */
  requestBody(path: string, method: string, value: unknown): SchemaCheck;
  /** Against the JSON response body of an operation for an HTTP status. */
  response(path: string, method: string, status: number, value: unknown): SchemaCheck;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function toCheck(validate: Validator, value: unknown): SchemaCheck {
  if (validate(value)) return { valid: true };
  const errors: ErrorObject[] = validate.errors ?? [];
  return { valid: false, violations: errors.map((e) => ({ path: e.instancePath || '/', message: e.message ?? e.keyword })) };
}

export function createOpenApiValidator(document: OpenApiDocument): OpenApiValidator {
  // strict off: the description carries OpenAPI keywords (example, discriminator) Ajv does not know.
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('url', true).addFormat('URL', true).addFormat('int64', true).addFormat('int32', true).addFormat('float', true);
  ajv.addSchema(document as unknown as object, DOCUMENT_ID);
  const compiled = new Map<string, ValidateFunction>();
  const byPointer = (pointer: string): ValidateFunction => {
    const cached = compiled.get(pointer);
    if (cached) return cached;
    const validate = ajv.getSchema(`${DOCUMENT_ID}#${pointer}`);
    if (!validate) throw new RangeError(`No schema at ${pointer} in Meta's OpenAPI description.`);
    compiled.set(pointer, validate);
    return validate;
  };
  const operation = (path: string, method: string) => `/paths/${escapePointer(path)}/${method.toLowerCase()}`;
  const requestValidators = new Map<string, Validator>();
  const requestValidator = (path: string, method: string): Validator => {
    const key = `${method} ${path}`;
    const known = requestValidators.get(key);
    if (known) return known;
    const pointer = `${operation(path, method)}/requestBody/content/application~1json/schema`;
    const validate = discriminated(document, pointer, byPointer) ?? byPointer(pointer);
    requestValidators.set(key, validate);
    return validate;
  };
  return {
    document,
    schema: (name, value) => toCheck(byPointer(`/components/schemas/${escapePointer(name)}`), value),
    requestBody: (path, method, value) => toCheck(requestValidator(path, method), value),
    response: (path, method, status, value) =>
      toCheck(byPointer(`${operation(path, method)}/responses/${status}/content/application~1json/schema`), value),
  };
}
