export { loadMetaOpenApiDocument, DEFAULT_META_OPENAPI_PATH } from './openapi-document';
export { normaliseOpenApiDocument, DOCUMENTED_OMISSIONS, type OpenApiDocument, type JsonSchema } from './openapi-normalise';
export { createOpenApiValidator, type OpenApiValidator, type SchemaCheck, type SchemaViolation } from './openapi-validator';
