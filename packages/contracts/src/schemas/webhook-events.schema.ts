import { z } from 'zod';
import { isoDateTimeSchema, metaIdSchema, reasonCodeSchema } from './common.schema';

const validationErrors = z.array(z.looseObject({ path: z.string(), message: z.string() }));

/** Every accepted webhook call, byte for byte: Meta has no history API, so events can be re-derived. */
export const rawWebhookSchema = z.looseObject({
  requestId: z.string().min(1).max(200).describe("Unique per call (webhook-ingest's request id); the Kafka key."),
  receivedAt: isoDateTimeSchema,
  headers: z.record(z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case header name'), z.string()).describe('Lower-cased header names: content-type, x-hub-signature-256, user-agent…'),
  body: z.string().describe('The request body exactly as received (UTF-8).'),
  wabaIds: z.array(metaIdSchema).optional().describe('`entry[].id` values when the body could be read.'),
});

/** A webhook item no schema recognised (unknown field, or a known one in an unknown shape). */
export const unclassifiedWebhookSchema = z.looseObject({
  requestId: z.string().min(1).max(200),
  receivedAt: isoDateTimeSchema,
  wabaId: metaIdSchema.optional(),
  phoneNumberId: metaIdSchema.optional(),
  field: z.string().optional().describe('`changes[].field`, e.g. `security`, `history`.'),
  reasonCode: reasonCodeSchema.describe('`UNKNOWN_FIELD`, `INVALID_ITEM`…'),
  errors: validationErrors.optional(),
  payload: z.unknown().describe('The change value or item, untouched.'),
});

/** A message a consumer could not process, with everything needed to redrive it. */
export const deadLetterSchema = z.looseObject({
  reasonCode: reasonCodeSchema,
  sourceTopic: z.string().min(1),
  sourcePartition: z.number().int().min(0),
  sourceOffset: z.string().regex(/^\d+$/).describe('Kafka offsets are 64-bit: a decimal string.'),
  sourceKey: z.string().nullable().optional(),
  sourceHeaders: z.record(z.string(), z.string()).optional(),
  originalValueBase64: z.base64().describe('The original value, base64-encoded so that even invalid UTF-8 survives.'),
  error: z.looseObject({ message: z.string(), code: z.string().optional(), errors: validationErrors.optional() }),
  consumerGroup: z.string().optional(),
  attempts: z.number().int().min(1).optional(),
  failedAt: isoDateTimeSchema,
});

export type RawWebhook = z.infer<typeof rawWebhookSchema>;
export type UnclassifiedWebhook = z.infer<typeof unclassifiedWebhookSchema>;
export type DeadLetter = z.infer<typeof deadLetterSchema>;
