import { z } from 'zod';

/** Meta's numeric ids (phone number id, WhatsApp Business Account id, template id) travel as strings. */
export const metaIdSchema = z.string().regex(/^\d{1,32}$/, 'must be a string of digits');

/** A WhatsApp user id: the phone number in E.164 digits, without `+`. */
export const waIdSchema = z.string().regex(/^[1-9]\d{5,14}$/, 'must be E.164 digits without "+"');

/** Business-scoped user id (BSUID), sent by Meta from 2026 when the phone number is hidden. */
export const userIdSchema = z.string().min(1).max(256).regex(/^[^:\s]+$/, 'must not contain ":" or spaces');

export const wamidSchema = z.string().min(1).max(512);

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const nonEmptyString = z.string().min(1);

/** Stable upper-snake reason codes (`WINDOW_CLOSED`, `META_131049`); defined by the domain. */
export const reasonCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,99}$/, 'must be an UPPER_SNAKE code');

/** Free correlation data echoed on every outcome: string keys to string values. */
export const metadataSchema = z.record(z.string().min(1).max(128), z.string().max(1024));

/** Meta's error object, as in `statuses[].errors[]`, `messages[].errors[]` and Graph API errors. */
export const metaErrorSchema = z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});

/** Where an event happened in Meta's terms; every Meta-derived event carries these when Meta gives them. */
export const accountFields = {
  wabaId: metaIdSchema,
  phoneNumberId: metaIdSchema,
  displayPhoneNumber: z.string().min(1).optional(),
};

/** The contact an event is about: the phone-number id (`waId`), the BSUID (`userId`), or both. */
export const contactFields = {
  waId: waIdSchema.optional(),
  userId: userIdSchema.optional(),
};

export const hasContact = (value: { waId?: string | undefined; userId?: string | undefined }): boolean =>
  value.waId !== undefined || value.userId !== undefined;

export const contactRequired = { message: 'waId or userId is required', path: ['waId'] };
