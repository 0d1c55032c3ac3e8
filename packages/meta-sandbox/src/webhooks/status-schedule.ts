import { classifyMetaError, type PricingClassification } from '@recado/domain';
import type { Random } from '../random';
import type { SandboxPhoneNumber, WebhookOptions } from '../sandbox-options';
import { pricingObjects } from './status-pricing';
import { statusWebhook, type StatusItem } from './webhook-payloads';

export interface AcceptedSend {
  readonly wamid: string;
  readonly phone: SandboxPhoneNumber;
  readonly waId: string;
  readonly callbackData: string | undefined;
  /** Absent for a send that only fails. */
  readonly classification: PricingClassification | undefined;
  readonly failureCode: number | undefined;
  readonly sentAt: Date;
}

export interface ScheduledWebhook {
  readonly delayMs: number;
  readonly payload: Record<string, unknown>;
}

const seconds = (at: Date, delayMs: number) => String(Math.floor((at.getTime() + delayMs) / 1000));

function failure(code: number): Record<string, unknown> {
  const { title } = classifyMetaError({ code, origin: 'STATUS_WEBHOOK' });
  return { code, title, message: title, error_data: { details: title }, href: '/documentation/business-messaging/whatsapp/support/error-codes' };
}

/** The status webhooks Meta would send for one accepted message (RULES.md §8.4). */
export function scheduleStatuses(send: AcceptedSend, options: WebhookOptions, random: Random, graphApiVersion: string): ScheduledWebhook[] {
  const base = { id: send.wamid, recipient_id: send.waId, ...(send.callbackData === undefined ? {} : { biz_opaque_callback_data: send.callbackData }) };
  const item = (status: StatusItem['status'], delayMs: number, extra: Partial<StatusItem> = {}): ScheduledWebhook => ({
    delayMs,
    payload: statusWebhook(send.phone, { ...base, status, timestamp: seconds(send.sentAt, delayMs), ...extra }),
  });
  const sentDelay = random.between(options.sentDelayMs);
  if (send.failureCode !== undefined) return [item('failed', sentDelay, { errors: [failure(send.failureCode)] })];
  const classification = send.classification;
  if (classification === undefined) return [];
  const conversationId = random.hex(32);
  const priced = (withExpiration: boolean) => {
    const objects = pricingObjects(classification, { graphApiVersion, conversationId, withExpiration });
    return { pricing: objects.pricing, ...(objects.conversation === undefined ? {} : { conversation: objects.conversation }) };
  };
  const deliveredDelay = sentDelay + random.between(options.deliveredDelayMs);
  const read = random.chance(options.readRate);
  const skipDelivered = read && random.chance(options.readWithoutDeliveredRate);
  const schedule = [item('sent', sentDelay, priced(true))];
  if (!skipDelivered) schedule.push(item('delivered', deliveredDelay, priced(false)));
  if (read) schedule.push(item('read', deliveredDelay + random.between(options.readDelayMs), skipDelivered ? priced(false) : {}));
  if (schedule.length > 1 && random.chance(options.outOfOrderRate)) {
    const delays = schedule.map((s) => s.delayMs).reverse();
    return schedule.map((s, i) => ({ ...s, delayMs: delays[i] ?? s.delayMs }));
  }
  return schedule;
}
