import { MetaCloudError } from '../errors/meta-cloud.error';
import { isRecord, stringAt } from '../json-read.util';
import { err, ok, type Result } from '../result';

/** Fields read for quality and limits (RULES.md §7.1, §7.3). */
export const PHONE_NUMBER_HEALTH_FIELDS = [
  'id',
  'display_phone_number',
  'verified_name',
  'quality_rating',
  'throughput',
  'whatsapp_business_manager_messaging_limit',
] as const;

export interface PhoneNumberHealth {
  readonly id: string;
  readonly displayPhoneNumber: string | undefined;
  readonly verifiedName: string | undefined;
  /** `GREEN | YELLOW | RED | NA`, as Meta spells it. */
  readonly qualityRating: string | undefined;
  /** `throughput.level`, e.g. `STANDARD`. */
  readonly throughputLevel: string | undefined;
  /** e.g. `TIER_2K`. */
  readonly messagingLimit: string | undefined;
}

export function parsePhoneNumberHealth(body: unknown): Result<PhoneNumberHealth, MetaCloudError> {
  const id = isRecord(body) ? stringAt(body, 'id') : undefined;
  if (!isRecord(body) || id === undefined) {
    return err(new MetaCloudError({ code: 'INVALID_RESPONSE', errorClass: 'PERMANENT', message: 'Phone number answer has no id.' }));
  }
  const throughput = isRecord(body['throughput']) ? stringAt(body['throughput'], 'level') : undefined;
  return ok({
    id,
    displayPhoneNumber: stringAt(body, 'display_phone_number'),
    verifiedName: stringAt(body, 'verified_name'),
    qualityRating: stringAt(body, 'quality_rating'),
    throughputLevel: throughput,
    messagingLimit: stringAt(body, 'whatsapp_business_manager_messaging_limit'),
  });
}
