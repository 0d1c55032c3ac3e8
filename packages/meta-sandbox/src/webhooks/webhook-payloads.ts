import type { SandboxPhoneNumber } from '../sandbox-options';

/** Meta's envelope: one entry for the WABA, one change for the field (RULES.md §2.5). */
export function webhookEnvelope(wabaId: string, field: string, value: Record<string, unknown>, time?: number): Record<string, unknown> {
  return { object: 'whatsapp_business_account', entry: [{ id: wabaId, ...(time === undefined ? {} : { time }), changes: [{ value, field }] }] };
}

const metadata = (phone: SandboxPhoneNumber) => ({ display_phone_number: phone.displayPhoneNumber, phone_number_id: phone.id });

export interface StatusItem {
  readonly id: string;
  readonly status: 'sent' | 'delivered' | 'read' | 'failed';
  readonly timestamp: string;
  readonly recipient_id: string;
  readonly biz_opaque_callback_data?: string;
  readonly conversation?: Record<string, unknown>;
  readonly pricing?: Record<string, unknown>;
  readonly errors?: readonly Record<string, unknown>[];
}

export function statusWebhook(phone: SandboxPhoneNumber, status: StatusItem): Record<string, unknown> {
  return webhookEnvelope(phone.wabaId, 'messages', { messaging_product: 'whatsapp', metadata: metadata(phone), statuses: [status] });
}

export function inboundWebhook(phone: SandboxPhoneNumber, contact: { waId: string; name: string }, message: Record<string, unknown>): Record<string, unknown> {
  return webhookEnvelope(phone.wabaId, 'messages', {
    messaging_product: 'whatsapp',
    metadata: metadata(phone),
    contacts: [{ profile: { name: contact.name }, wa_id: contact.waId }],
    messages: [message],
  });
}

export function userPreferencesWebhook(phone: SandboxPhoneNumber, waId: string, value: 'stop' | 'resume', timestamp: number): Record<string, unknown> {
  const detail = value === 'stop' ? 'User requested to stop marketing messages' : 'User requested to resume marketing messages';
  return webhookEnvelope(phone.wabaId, 'user_preferences', {
    messaging_product: 'whatsapp',
    metadata: metadata(phone),
    contacts: [{ wa_id: waId }],
    user_preferences: [{ wa_id: waId, detail, category: 'marketing_messages', value, timestamp }],
  });
}
