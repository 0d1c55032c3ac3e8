export { loadMetaOpenApiDocument, DEFAULT_META_OPENAPI_PATH } from './openapi-document';
export { DESCRIPTION_CORRECTIONS, correctSchema, type DescriptionCorrection } from './openapi-corrections';
export { normaliseOpenApiDocument, DOCUMENTED_OMISSIONS, type OpenApiDocument, type JsonSchema } from './openapi-normalise';
export { createOpenApiValidator, type OpenApiValidator, type SchemaCheck, type SchemaViolation } from './openapi-validator';
export { requestExamples, responseExamples, type DocumentExample, type ResponseExample } from './openapi-examples';
export { shapeDifferences } from './same-shape.util';
