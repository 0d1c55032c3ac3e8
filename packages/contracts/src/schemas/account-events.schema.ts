import { z } from 'zod';
import { accountFields, contactFields, contactRequired, hasContact, isoDateTimeSchema, metaIdSchema } from './common.schema';

const account = {
  wabaId: metaIdSchema,
  occurredAt: isoDateTimeSchema.describe("Meta's `entry[].time`, or when the webhook arrived if Meta gave none."),
};

// Limits are numbers or words (`UNLIMITED`, `TIER_2K`) depending on the field and the year.
const limit = z.union([z.string().min(1), z.number().int()]);

/** `phone_number_quality_update`: quality, messaging-limit and throughput changes (RULES.md §7). */
export const phoneNumberQualityUpdatedSchema = z.looseObject({
  ...account,
  phoneNumberId: metaIdSchema.optional().describe('Meta gives only the display number here; the producer adds the id when it knows it.'),
  displayPhoneNumber: z.string().min(1),
  event: z.string().min(1).describe('`FLAGGED`, `UNFLAGGED`, `UPGRADE`, `DOWNGRADE`, `THROUGHPUT_UPGRADE`, `ONBOARDING`…'),
  currentLimit: limit.optional(),
  oldLimit: limit.optional(),
  maxDailyConversationsPerBusiness: limit.optional(),
});

/** `business_capability_update`: the portfolio's messaging limit and number count. */
export const businessCapabilityUpdatedSchema = z.looseObject({
  ...account,
  maxDailyConversationsPerBusiness: limit.optional(),
  maxDailyConversationPerPhone: limit.optional(),
  maxPhoneNumbersPerBusiness: limit.optional(),
});

/** `account_update`: bans, violations, restrictions, pricing tiers, partner changes. */
export const accountUpdatedSchema = z.looseObject({
  ...account,
  phoneNumberId: metaIdSchema.optional(),
  event: z.string().min(1).describe('`ACCOUNT_VIOLATION`, `ACCOUNT_RESTRICTION`, `VOLUME_BASED_PRICING_TIER_UPDATE`…'),
  details: z.record(z.string(), z.unknown()).optional().describe("The rest of Meta's change value (`violation_info`, `restriction_info`, `volume_tier_info`…)."),
});

/** `user_preferences`: the user stopped or resumed marketing messages (RULES.md §5.2). */
export const userPreferenceUpdatedSchema = z
  .looseObject({
    ...accountFields,
    ...contactFields,
    category: z.string().min(1).describe('`marketing_messages` today.'),
    value: z.enum(['stop', 'resume']),
    detail: z.string().optional(),
    occurredAt: isoDateTimeSchema,
  })
  .refine(hasContact, contactRequired);

export type PhoneNumberQualityUpdated = z.infer<typeof phoneNumberQualityUpdatedSchema>;
export type BusinessCapabilityUpdated = z.infer<typeof businessCapabilityUpdatedSchema>;
export type AccountUpdated = z.infer<typeof accountUpdatedSchema>;
export type UserPreferenceUpdated = z.infer<typeof userPreferenceUpdatedSchema>;
