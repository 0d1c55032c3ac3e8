import { sendContentSchema } from '@recado/contracts';
import type { MarkReadRequestBody, MessageContent, MessageRequestBody, OutboundMessage } from './message-content.model';

const MAX_CALLBACK_DATA = 512;

function contentViolations(content: MessageContent): string[] {
  if (content.type === 'reaction') {
    return content.reaction.message_id.trim() === '' ? ['reaction.message_id is required'] : [];
  }
  const parsed = sendContentSchema.safeParse(content);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/** Everything Meta would refuse that can be known before sending (limits of RULES.md §7.6, §9.1). */
export function checkOutboundMessage(message: OutboundMessage): string[] {
  const violations = contentViolations(message.content);
  if (!/^\+?\d{6,15}$/.test(message.to)) violations.push('to must be a phone number in E.164 digits');
  if ((message.bizOpaqueCallbackData?.length ?? 0) > MAX_CALLBACK_DATA) violations.push('bizOpaqueCallbackData exceeds 512 characters');
  if (message.replyTo !== undefined && message.content.type === 'reaction') violations.push('a reaction cannot carry a reply context');
  if (message.replyTo?.trim() === '') violations.push('replyTo must be a message id');
  return violations;
}

function typeSpecific(content: MessageContent): Record<string, unknown> {
  if (content.type !== 'template') return { [content.type]: content[content.type as keyof typeof content] };
  // The description requires the (only) language policy Meta knows.
  const { language, ...rest } = content.template;
  return { template: { ...rest, language: { policy: 'deterministic', code: language.code } } };
}

export function toMessageRequestBody(message: OutboundMessage): MessageRequestBody {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: message.to,
    type: message.content.type,
    ...typeSpecific(message.content),
    ...(message.replyTo === undefined ? {} : { context: { message_id: message.replyTo } }),
    ...(message.bizOpaqueCallbackData === undefined ? {} : { biz_opaque_callback_data: message.bizOpaqueCallbackData }),
  };
}

export function toMarkReadBody(messageId: string, options: { typingIndicator?: boolean } = {}): MarkReadRequestBody {
  return {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: messageId,
    ...(options.typingIndicator === true ? { typing_indicator: { type: 'text' as const } } : {}),
  };
}
