export type { Result } from './result';
export { MetaCloudError, type MetaCloudErrorCode, type MetaCloudErrorDetails } from './errors/meta-cloud.error';
export { toMetaCloudError, type FailedResponse } from './errors/to-meta-cloud-error';
export { parseRetryAfter } from './errors/retry-after';
export { isGraphErrorBody, type GraphErrorBody } from './errors/graph-error-body';
export { resolveMetaCloudConfig, META_CLOUD_DEFAULTS, type MetaCloudConfig, type MetaCloudConfigInput } from './config/meta-cloud.config';
export { createGraphTransport, type GraphTransport, type GraphRequest, type HttpMethod } from './http/graph-transport';
export * from './messages/message-content.model';
export * from './messages/message-content.builders';
export { checkOutboundMessage, toMessageRequestBody, toMarkReadBody } from './messages/message-request';
export { parseSendResponse, type SendResult, type MessageStatus } from './messages/send-response';
export { toTemplateCreateBody } from './templates/template-create.mapper';
export { parseTemplatePage, parseCreatedTemplate, parseSuccess, type TemplatePage, type TemplateSummary, type CreatedTemplate } from './templates/template-responses';
export { parsePhoneNumberHealth, PHONE_NUMBER_HEALTH_FIELDS, type PhoneNumberHealth } from './phone-numbers/phone-number-health';
export {
  createMetaCloudClient,
  createMetaCloudClientWith,
  type MetaCloudClient,
  type TemplateListQuery,
  type TemplateDeletion,
} from './client/meta-cloud.client';
