import { TEMPLATE_CATEGORIES, type TemplateCategory } from '@recado/domain';
import { graphError } from '../http/graph-error';
import { success, type GraphAnswer } from '../http/graph-answer';
import type { SandboxCore } from '../sandbox-core';
import type { SandboxTemplate } from '../state/sandbox-templates';
import { reviewTemplate } from './template-review';
import { templateStatusWebhook } from './template-webhooks';

const TEMPLATES_PATH = '/{Version}/{WABA-ID}/message_templates';
const DEFAULT_LIMIT = 25;

function toMeta(template: SandboxTemplate): Record<string, unknown> {
  return {
    id: template.id,
    name: template.name,
    language: template.language,
    status: template.status,
    category: template.category,
    components: template.components,
    ...(template.parameterFormat === undefined ? {} : { parameter_format: template.parameterFormat }),
    quality_score: { score: template.qualityScore },
    ...(template.rejectedReason === undefined ? {} : { rejected_reason: template.rejectedReason }),
  };
}

export function listTemplates(core: SandboxCore, wabaId: string, query: URLSearchParams): GraphAnswer {
  const all = core.templates.list(wabaId).filter((t) => (query.get('name') ?? t.name) === t.name && (query.get('status') ?? t.status) === t.status);
  const limit = Math.max(1, Number(query.get('limit') ?? DEFAULT_LIMIT) || DEFAULT_LIMIT);
  const start = Number(Buffer.from(query.get('after') ?? '', 'base64url').toString() || '0');
  const page = all.slice(start, start + limit);
  const cursor = (index: number) => Buffer.from(String(index)).toString('base64url');
  const next = start + limit < all.length ? { next: `${wabaId}/message_templates?after=${cursor(start + limit)}` } : {};
  return success({ data: page.map(toMeta), paging: { cursors: { before: cursor(start), after: cursor(start + limit) }, ...next } });
}

function scheduleReview(core: SandboxCore, template: SandboxTemplate): void {
  setTimeout(() => {
    if (template.status !== 'PENDING') return;
    const verdict = reviewTemplate(template.name, template.category, template.components, template.language);
    template.status = verdict.status;
    const time = Math.floor(core.clock.now().getTime() / 1000);
    if (verdict.status === 'APPROVED') {
      template.category = verdict.category;
      core.webhooks.post(templateStatusWebhook(template, 'APPROVED', time));
      return;
    }
    template.rejectedReason = verdict.reason;
    core.webhooks.post(templateStatusWebhook(template, 'REJECTED', time, { reason: verdict.reason, rejection: verdict.rejection }));
  }, core.options.templateReviewDelayMs).unref();
}

export function createTemplate(core: SandboxCore, wabaId: string, body: Record<string, unknown>): GraphAnswer {
  const check = core.validator?.requestBody(TEMPLATES_PATH, 'post', body);
  if (check && !check.valid) return graphError(100, check.violations.map((v) => `${v.path} ${v.message}`).join('; '), core.random);
  const { name, language, category } = body;
  if (typeof name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(name)) return graphError(100, 'name must be lowercase letters, digits and underscores.', core.random);
  if (typeof language !== 'string' || !TEMPLATE_CATEGORIES.includes(category as TemplateCategory)) {
    return graphError(100, 'language and a category (MARKETING, UTILITY, AUTHENTICATION) are required.', core.random);
  }
  if (core.templates.find(wabaId, name, language)) return graphError(100, 'Content in this language already exists.', core.random, { subcode: 2388024 });
  const components = Array.isArray(body['components']) ? (body['components'] as unknown[]) : [];
  const parameterFormat = typeof body['parameter_format'] === 'string' ? body['parameter_format'] : undefined;
  const template = core.templates.add({ name, language, category: category as TemplateCategory, status: 'PENDING', components, parameterFormat, wabaId }, wabaId);
  scheduleReview(core, template);
  return success({ id: template.id, status: template.status, category: template.category });
}

export function deleteTemplates(core: SandboxCore, wabaId: string, query: URLSearchParams): GraphAnswer {
  const name = query.get('name');
  if (name === null) return graphError(100, 'name is required.', core.random);
  const { deleted, disabled } = core.templates.delete(wabaId, name, query.get('hsm_id') ?? undefined);
  if (disabled > 0) return graphError(100, 'A disabled template cannot be deleted.', core.random);
  if (deleted === 0) return graphError(100, `Message template "${name}" not found.`, core.random, { subcode: 2593002 });
  return success({ success: true });
}
