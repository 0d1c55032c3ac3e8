import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { DEFAULT_META_OPENAPI_PATH } from './openapi-document';
import { DESCRIPTION_CORRECTIONS } from './openapi-corrections';
import { DOCUMENTED_OMISSIONS, normaliseOpenApiDocument, type JsonSchema, type OpenApiDocument } from './openapi-normalise';

const raw = load(readFileSync(DEFAULT_META_OPENAPI_PATH, 'utf8')) as OpenApiDocument;

function count(node: unknown, predicate: (schema: JsonSchema) => boolean): number {
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + count(item, predicate), 0);
  if (typeof node !== 'object' || node === null) return 0;
  const here = predicate(node as JsonSchema) ? 1 : 0;
  return here + Object.values(node).reduce((sum: number, value) => sum + count(value, predicate), 0);
}

const closedAllOfMember = (schema: JsonSchema) =>
  Array.isArray(schema['allOf']) && (schema['allOf'] as JsonSchema[]).some((member) => member['additionalProperties'] === false);

describe('normaliseOpenApiDocument', () => {
  // Each patch must still be needed: when Meta fixes its description, these fail and the patch goes.
  it.each(DESCRIPTION_CORRECTIONS.map((c) => [c.id, c] as const))('correction %s still applies to the raw description', (_id, correction) => {
    expect(count(raw, (schema) => correction.applies(structuredClone(schema)))).toBeGreaterThan(0);
    expect(count(normaliseOpenApiDocument(raw), (schema) => correction.applies(structuredClone(schema)))).toBe(0);
  });

  it.each(Object.entries(DOCUMENTED_OMISSIONS))('%s still lacks the documented properties', (name, extra) => {
    const properties = (raw.components.schemas[name]?.['properties'] ?? {}) as JsonSchema;
    for (const key of Object.keys(extra)) expect(properties[key]).toBeUndefined();
    const fixed = normaliseOpenApiDocument(raw).components.schemas[name]?.['properties'] as JsonSchema;
    for (const key of Object.keys(extra)) expect(fixed[key]).toBeDefined();
  });

  it('moves closed allOf members to unevaluatedProperties on their owner', () => {
    expect(count(raw, closedAllOfMember)).toBeGreaterThan(0);
    const fixed = normaliseOpenApiDocument(raw);
    expect(count(fixed, closedAllOfMember)).toBe(0);
    expect(fixed.components.schemas['TextMessage']?.['unevaluatedProperties']).toBe(false);
  });
});
