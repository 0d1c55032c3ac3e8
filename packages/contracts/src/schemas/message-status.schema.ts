import { z } from 'zod';
import {
  accountFields,
  contactFields,
  hasContact,
  isoDateTimeSchema,
  metaErrorSchema,
  wamidSchema,
} from './common.schema';

export const messageStatusValues = ['sent', 'delivered', 'read', 'played', 'failed'] as const;

// Categories and types keep appearing (`group_*`, `general_purpose_ai`), so they stay strings.
export const pricingSchema = z.looseObject({
  billable: z.boolean().optional(),
  pricing_model: z.string().optional(),
  type: z.string().optional(),
  category: z.string().optional(),
});

export const conversationSchema = z.looseObject({
  id: z.string().min(1),
  expiration_timestamp: z.string().optional(),
  origin: z.looseObject({ type: z.string() }).optional(),
});

/** A delivery status of a message the business sent (RULES.md §8.4). */
export const messageStatusSchema = z
  .looseObject({
    ...accountFields,
    ...contactFields,
    wamid: wamidSchema,
    status: z.enum(messageStatusValues),
    occurredAt: isoDateTimeSchema.describe("Meta's `timestamp`, as an instant."),
    recipientId: z.string().min(1).optional().describe("Meta's `recipient_id`: a wa_id, or a group id for group sends."),
    recipientType: z.string().optional(),
    recipientParticipantId: z.string().optional(),
    bizOpaqueCallbackData: z.string().max(512).optional().describe("Echo of the send's `biz_opaque_callback_data`; the dispatcher puts the command id there."),
    pricing: pricingSchema.optional(),
    conversation: conversationSchema.optional(),
    errors: z.array(metaErrorSchema).optional(),
  })
  // Users known only by their BSUID may come without a recipient_id.
  .refine((status) => status.recipientId !== undefined || hasContact(status), { message: 'recipientId, waId or userId is required', path: ['recipientId'] });

export type MessageStatus = z.infer<typeof messageStatusSchema>;
export type MessageStatusValue = MessageStatus['status'];
