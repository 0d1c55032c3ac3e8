import { z } from 'zod';
import {
  isoDateTimeSchema,
  metadataSchema,
  metaIdSchema,
  reasonCodeSchema,
  wamidSchema,
} from './common.schema';
import { recipientSchema } from './send-command.schema';

export const sendOutcomeErrorSchema = z.looseObject({
  code: reasonCodeSchema.describe("Our error code (meta-cloud's taxonomy), e.g. `RATE_LIMITED`."),
  message: z.string(),
  metaCode: z.number().int().optional().describe("Meta's numeric error code when Meta answered with one."),
  retryable: z.boolean().optional(),
});

const base = {
  commandId: z.string().min(1).max(200),
  tenantId: z.string().min(1).max(200),
  phoneNumberId: metaIdSchema,
  wabaId: metaIdSchema.optional(),
  recipient: recipientSchema,
  campaignId: z.string().min(1).max(200).optional(),
  metadata: metadataSchema.optional(),
  occurredAt: isoDateTimeSchema,
  attempt: z.number().int().min(1).optional().describe('1 for the first attempt; grows with each retry of the same command.'),
};

/** What became of a send-command: one event per decision or Meta answer, keyed like the command. */
export const sendOutcomeSchema = z.discriminatedUnion('outcome', [
  z.looseObject({ ...base, outcome: z.literal('accepted'), reasonCode: reasonCodeSchema.optional() }),
  z.looseObject({ ...base, outcome: z.literal('deferred'), reasonCode: reasonCodeSchema, deferredUntil: isoDateTimeSchema }),
  z.looseObject({ ...base, outcome: z.literal('rejected'), reasonCode: reasonCodeSchema, suggestion: z.string().optional() }),
  z.looseObject({
    ...base,
    outcome: z.literal('sent'),
    wamid: wamidSchema,
    metaMessageStatus: z.string().min(1).optional().describe("Meta's `message_status` for paced templates: `accepted` or `held_for_quality_assessment`."),
  }),
  z.looseObject({ ...base, outcome: z.literal('failed'), reasonCode: reasonCodeSchema, error: sendOutcomeErrorSchema }),
]);

export type SendOutcome = z.infer<typeof sendOutcomeSchema>;
export type SendOutcomeKind = SendOutcome['outcome'];
