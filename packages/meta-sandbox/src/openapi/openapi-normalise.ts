import { correctSchema } from './openapi-corrections';

/** The parts of an OpenAPI 3.1 document the validator reads. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: { readonly schemas: Record<string, JsonSchema> };
  readonly [key: string]: unknown;
}

export type JsonSchema = Record<string, unknown>;

/**
 * Properties Meta documents for the send endpoint that the description's message schemas
 * leave out; without them a valid request carrying a callback id would be refused.
 */
export const DOCUMENTED_OMISSIONS: Readonly<Record<string, Record<string, JsonSchema>>> = {
  BaseMessageProperties: { biz_opaque_callback_data: { type: 'string', maxLength: 512 } },
};

/**
 * Makes the description mean what its authors meant under JSON Schema 2020-12: a member of
 * `allOf` that says `additionalProperties: false` only sees its own `properties`, which would
 * refuse every shared property (`to`, `messaging_product`); the closed-object intent is
 * expressed instead with `unevaluatedProperties: false` on the `allOf` owner.
 */
export function normaliseOpenApiDocument(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document) as OpenApiDocument;
  visit(copy.components.schemas);
  visit(copy.paths);
  for (const [name, extra] of Object.entries(DOCUMENTED_OMISSIONS)) {
    const schema = copy.components.schemas[name];
    if (schema === undefined) continue;
    schema['properties'] = { ...(schema['properties'] as JsonSchema | undefined), ...extra };
  }
  return copy;
}

function visit(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as JsonSchema;
  correctSchema(schema);
  const allOf = schema['allOf'];
  if (Array.isArray(allOf) && closeAllOfMembers(allOf)) schema['unevaluatedProperties'] = false;
  Object.values(schema).forEach(visit);
}

function closeAllOfMembers(members: unknown[]): boolean {
  let closed = false;
  for (const member of members) {
    if (typeof member === 'object' && member !== null && (member as JsonSchema)['additionalProperties'] === false) {
      delete (member as JsonSchema)['additionalProperties'];
      closed = true;
    }
  }
  return closed;
}
