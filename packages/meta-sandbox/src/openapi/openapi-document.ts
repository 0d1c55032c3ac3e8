import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { normaliseOpenApiDocument, type OpenApiDocument } from './openapi-normalise';

/** Meta's description lives beside the repository, never inside it (DESIGN.md "Source material"). */
export const DEFAULT_META_OPENAPI_PATH = resolve(__dirname, '../../../../../shared/meta/business-messaging-api_v23.0.yaml');

/** Reads and normalises Meta's OpenAPI description; throws when the file is missing or not a mapping. */
export function loadMetaOpenApiDocument(path: string = process.env['META_OPENAPI_PATH'] ?? DEFAULT_META_OPENAPI_PATH): OpenApiDocument {
  const parsed: unknown = load(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || !('paths' in parsed) || !('components' in parsed)) {
    throw new TypeError(`${path} is not an OpenAPI document.`);
  }
  return normaliseOpenApiDocument(parsed as OpenApiDocument);
}
