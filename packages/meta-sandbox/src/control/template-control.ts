import type { TemplateCategory, TemplateQualityScore, TemplateStatus } from '@recado/domain';
import type { SandboxCore } from '../sandbox-core';
import type { SandboxTemplate } from '../state/sandbox-templates';
import { templateStatusWebhook } from '../templates/template-webhooks';
import { webhookEnvelope } from '../webhooks/webhook-payloads';

export interface TemplateControl {
  setTemplateStatus(id: string, status: TemplateStatus, reason?: string): boolean;
  /** Re-categorises now, or announces it for `at` (the "impending" shape) [M24]. */
  setTemplateCategory(id: string, category: TemplateCategory, at?: Date): boolean;
  setTemplateQuality(id: string, score: TemplateQualityScore): boolean;
}

const PAUSE_INFO = { title: 'FIRST_PAUSE', description: 'Your template was paused because of low quality.' };

const identity = (template: SandboxTemplate) => ({
  message_template_id: Number(template.id),
  message_template_name: template.name,
  message_template_language: template.language,
});

/** Template changes Meta makes on its own, each announced by its webhook (RULES.md §3.3–3.7). */
export function createTemplateControl(core: SandboxCore): TemplateControl {
  const nowSeconds = () => Math.floor(core.clock.now().getTime() / 1000);
  const change = (id: string, apply: (template: SandboxTemplate) => Record<string, unknown>) => {
    const template = core.templates.get(id);
    if (template === undefined) return false;
    core.webhooks.post(apply(template));
    return true;
  };
  return {
    setTemplateStatus: (id, status, reason) =>
      change(id, (template) => {
        template.status = status;
        const otherInfo = status === 'PAUSED' ? { otherInfo: PAUSE_INFO } : {};
        return templateStatusWebhook(template, status, nowSeconds(), { ...(reason === undefined ? {} : { reason }), ...otherInfo });
      }),
    setTemplateCategory: (id, category, at) =>
      change(id, (template) => {
        if (at !== undefined) {
          const impending = { ...identity(template), new_category: template.category, correct_category: category, category_update_timestamp: Math.floor(at.getTime() / 1000) };
          return webhookEnvelope(template.wabaId, 'template_category_update', impending, nowSeconds());
        }
        const previous = template.category;
        template.category = category;
        return webhookEnvelope(template.wabaId, 'template_category_update', { ...identity(template), previous_category: previous, new_category: category }, nowSeconds());
      }),
    setTemplateQuality: (id, score) =>
      change(id, (template) => {
        const value = { previous_quality_score: template.qualityScore, new_quality_score: score, ...identity(template) };
        template.qualityScore = score;
        return webhookEnvelope(template.wabaId, 'message_template_quality_update', value, nowSeconds());
      }),
  };
}
