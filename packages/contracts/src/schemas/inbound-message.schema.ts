import { z } from 'zod';
import { accountFields, contactFields, contactRequired, hasContact, isoDateTimeSchema } from './common.schema';
import { inboundMessageContentSchema } from './inbound-content.schema';

/** A message a WhatsApp user sent to one of the business's numbers. */
export const inboundMessageSchema = z
  .looseObject({
    ...accountFields,
    ...contactFields,
    profileName: z.string().optional().describe("`contacts[].profile.name`: the user's WhatsApp display name."),
    username: z.string().optional(),
    occurredAt: isoDateTimeSchema.describe("Meta's `timestamp`, as an instant."),
    message: inboundMessageContentSchema,
  })
  .refine(hasContact, contactRequired);

export type InboundMessage = z.infer<typeof inboundMessageSchema>;
