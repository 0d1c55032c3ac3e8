import { z } from 'zod';
import {
  contactFields,
  contactRequired,
  hasContact,
  isoDateTimeSchema,
  metadataSchema,
  metaIdSchema,
  wamidSchema,
} from './common.schema';
import { sendContentSchema } from './send-content.schema';

const contentKeys = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'interactive', 'template'] as const;

export const recipientSchema = z.looseObject(contactFields).refine(hasContact, contactRequired);

/** A request to send one WhatsApp message; `commandId` is the idempotency key. */
export const sendCommandSchema = z
  .looseObject({
    commandId: z.string().min(1).max(200).describe('Idempotency key: a command id reaches Meta at most once, however often it is produced.'),
    tenantId: z.string().min(1).max(200),
    phoneNumberId: metaIdSchema.describe('The business phone number that sends (Meta phone number id).'),
    recipient: recipientSchema,
    content: sendContentSchema.describe("Meta's send request minus addressing: `type` and the object of that name, in Meta's shape."),
    replyTo: wamidSchema.optional().describe("wamid of the message this one replies to (Meta's `context.message_id`)."),
    campaignId: z.string().min(1).max(200).optional(),
    metadata: metadataSchema.optional().describe('Correlation data, echoed on every outcome.'),
    requestedAt: isoDateTimeSchema.describe('When the producer asked; outcomes measure latency from it.'),
  })
  .superRefine((command, ctx) => {
    // Exactly one content object: a stray `image` beside `type: "text"` is a producer bug.
    for (const key of contentKeys) {
      if (key !== command.content.type && key in command.content) {
        ctx.addIssue({ code: 'custom', path: ['content', key], message: `unexpected beside type "${command.content.type}"` });
      }
    }
  });

export type SendCommand = z.infer<typeof sendCommandSchema>;
export type Recipient = z.infer<typeof recipientSchema>;
