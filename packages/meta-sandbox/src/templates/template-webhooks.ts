import type { SandboxTemplate } from '../state/sandbox-templates';
import { webhookEnvelope } from '../webhooks/webhook-payloads';

/** `message_template_status_update` [M22] (RULES.md §3.6). */
export function templateStatusWebhook(
  template: SandboxTemplate,
  event: string,
  time: number,
  extra: { reason?: string; rejection?: { reason: string; recommendation: string }; otherInfo?: { title: string; description: string } } = {},
): Record<string, unknown> {
  return webhookEnvelope(
    template.wabaId,
    'message_template_status_update',
    {
      event,
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
      reason: extra.reason ?? 'NONE',
      message_template_category: template.category,
      ...(extra.rejection === undefined ? {} : { rejection_info: extra.rejection }),
      ...(extra.otherInfo === undefined ? {} : { other_info: extra.otherInfo }),
    },
    time,
  );
}
