import { MetaCloudError } from '../errors/meta-cloud.error';
import { isRecord } from '../json-read.util';
import { err, ok, type Result } from '../result';

/** `accepted`, or `held_for_quality_assessment` for a paced template [M14]; others pass through. */
export type MessageStatus = 'accepted' | 'held_for_quality_assessment' | (string & {});

/** What Meta's 200 to a send means: accepted, not delivered (RULES.md §9.2). */
export interface SendResult {
  readonly wamid: string;
  /** The canonical user id; store it, it may differ from the number sent to [M6]. */
  readonly waId: string;
  readonly input: string | undefined;
  readonly messageStatus: MessageStatus | undefined;
}

function first(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const list = body[key];
  return Array.isArray(list) && isRecord(list[0]) ? list[0] : undefined;
}

function invalid(message: string): MetaCloudError {
  return new MetaCloudError({ code: 'INVALID_RESPONSE', errorClass: 'PERMANENT', message });
}

export function parseSendResponse(body: unknown): Result<SendResult, MetaCloudError> {
  if (!isRecord(body)) return err(invalid('Send response is not a JSON object.'));
  const message = first(body, 'messages');
  const contact = first(body, 'contacts');
  const wamid = message?.['id'];
  const waId = contact?.['wa_id'];
  if (typeof wamid !== 'string' || wamid === '') return err(invalid('Send response has no messages[0].id.'));
  if (typeof waId !== 'string' || waId.trim() === '') return err(invalid('Send response has no contacts[0].wa_id.'));
  const input = contact?.['input'];
  const status = message?.['message_status'];
  return ok({
    wamid,
    waId: waId.trim(),
    input: typeof input === 'string' ? input : undefined,
    messageStatus: typeof status === 'string' ? status : undefined,
  });
}
