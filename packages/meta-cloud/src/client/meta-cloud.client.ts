import { validateTemplate, type TemplateSubmission } from '@recado/domain';
import { resolveMetaCloudConfig, type MetaCloudConfig, type MetaCloudConfigInput } from '../config/meta-cloud.config';
import { invalidRequest, type MetaCloudError } from '../errors/meta-cloud.error';
import { createGraphTransport, type GraphTransport } from '../http/graph-transport';
import type { OutboundMessage } from '../messages/message-content.model';
import { checkOutboundMessage, toMarkReadBody, toMessageRequestBody } from '../messages/message-request';
import { parseSendResponse, type SendResult } from '../messages/send-response';
import { parsePhoneNumberHealth, PHONE_NUMBER_HEALTH_FIELDS, type PhoneNumberHealth } from '../phone-numbers/phone-number-health';
import { err, type Result } from '../result';
import { toTemplateCreateBody } from '../templates/template-create.mapper';
import { parseCreatedTemplate, parseSuccess, parseTemplatePage, type CreatedTemplate, type TemplatePage } from '../templates/template-responses';

export interface TemplateListQuery {
  readonly limit?: number;
  readonly after?: string;
  readonly before?: string;
  readonly name?: string;
  readonly status?: string;
}

/** Delete by name (every language) or one template by id and name (RULES.md §10). */
export interface TemplateDeletion {
  readonly name: string;
  readonly id?: string;
}

/** The Cloud API as Recado uses it; every failure is a `MetaCloudError` value. */
export interface MetaCloudClient {
  readonly config: MetaCloudConfig;
  send(message: OutboundMessage): Promise<Result<SendResult, MetaCloudError>>;
  markAsRead(messageId: string, options?: { typingIndicator?: boolean }): Promise<Result<true, MetaCloudError>>;
  createTemplate(submission: TemplateSubmission): Promise<Result<CreatedTemplate, MetaCloudError>>;
  listTemplates(query?: TemplateListQuery): Promise<Result<TemplatePage, MetaCloudError>>;
  deleteTemplate(deletion: TemplateDeletion): Promise<Result<true, MetaCloudError>>;
  getPhoneNumberHealth(): Promise<Result<PhoneNumberHealth, MetaCloudError>>;
  close(): Promise<void>;
}

const TEMPLATE_FIELDS = 'id,name,language,category,status,components,parameter_format,quality_score,rejected_reason';

const then = async <A, B>(pending: Promise<Result<A, MetaCloudError>>, next: (value: A) => Result<B, MetaCloudError>) => {
  const result = await pending;
  return result.ok ? next(result.value) : result;
};

function withWaba(config: MetaCloudConfig): Result<string, MetaCloudError> {
  return config.wabaId === undefined ? err(invalidRequest('Template management needs wabaId in the configuration.', ['wabaId'])) : { ok: true, value: config.wabaId };
}

export function createMetaCloudClientWith(config: MetaCloudConfig, http: GraphTransport): MetaCloudClient {
  const messagesPath = `/${config.phoneNumberId}/messages`;
  const templates = async <T>(call: (path: string) => Promise<Result<T, MetaCloudError>>) => {
    const waba = withWaba(config);
    return waba.ok ? call(`/${waba.value}/message_templates`) : waba;
  };
  return {
    config,
    async send(message) {
      const violations = checkOutboundMessage(message);
      if (violations.length > 0) return err(invalidRequest('Message refused before sending.', violations));
      return then(http.request({ method: 'POST', path: messagesPath, body: toMessageRequestBody(message) }), parseSendResponse);
    },
    markAsRead: (messageId, options) =>
      then(http.request({ method: 'POST', path: messagesPath, body: toMarkReadBody(messageId, options) }), parseSuccess),
    async createTemplate(submission) {
      const violations = validateTemplate(submission).map((v) => `${v.path}: ${v.code}`);
      if (violations.length > 0) return err(invalidRequest('Template refused before submission.', violations));
      return templates((path) => then(http.request({ method: 'POST', path, body: toTemplateCreateBody(submission) }), parseCreatedTemplate));
    },
    listTemplates: (query = {}) =>
      templates((path) => then(http.request({ method: 'GET', path, query: { fields: TEMPLATE_FIELDS, ...query } }), parseTemplatePage)),
    deleteTemplate: (deletion) =>
      templates((path) => then(http.request({ method: 'DELETE', path, query: { name: deletion.name, hsm_id: deletion.id } }), parseSuccess)),
    getPhoneNumberHealth: () =>
      then(http.request({ method: 'GET', path: `/${config.phoneNumberId}`, query: { fields: PHONE_NUMBER_HEALTH_FIELDS.join(',') } }), parsePhoneNumberHealth),
    close: () => http.close(),
  };
}

/** Validates the configuration and opens a keep-alive pool to the Graph API. */
export function createMetaCloudClient(input: MetaCloudConfigInput): Result<MetaCloudClient, MetaCloudError> {
  const config = resolveMetaCloudConfig(input);
  if (!config.ok) return config;
  return { ok: true, value: createMetaCloudClientWith(config.value, createGraphTransport(config.value)) };
}
