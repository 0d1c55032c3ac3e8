import { z } from 'zod';
import { isoDateTimeSchema, metaIdSchema } from './common.schema';

export const templateCategoryValues = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
const category = z.enum(templateCategoryValues);

const template = {
  wabaId: metaIdSchema,
  templateId: metaIdSchema.describe('Meta sends a number; it travels as a string so no precision is ever lost.'),
  templateName: z.string().min(1),
  templateLanguage: z.string().min(1).describe('As Meta sends it (`en-US` in webhooks, `en_US` elsewhere).'),
  occurredAt: isoDateTimeSchema.describe("Meta's `entry[].time`, or when the webhook arrived if Meta gave none."),
};

export const templateStatusEventValues = [
  'APPROVED', 'ARCHIVED', 'DELETED', 'DISABLED', 'FLAGGED', 'IN_APPEAL', 'LIMIT_EXCEEDED',
  'LOCKED', 'PAUSED', 'PENDING', 'REINSTATED', 'PENDING_DELETION', 'REJECTED', 'UNLOCKED',
] as const;

/** `message_template_status_update` (RULES.md §3.6). */
export const templateStatusUpdatedSchema = z.looseObject({
  ...template,
  event: z.enum(templateStatusEventValues),
  reason: z.string().nullable().optional().describe('`null` when the template is scheduled for deletion.'),
  category: category.optional(),
  rejectionInfo: z.looseObject({ reason: z.string().optional(), recommendation: z.string().optional() }).optional(),
  disableInfo: z.looseObject({ disable_date: z.union([z.string(), z.number()]).optional() }).optional(),
  otherInfo: z.looseObject({ title: z.string().optional(), description: z.string().optional() }).optional(),
});

/**
 * `template_category_update` (RULES.md §3.3): impending when `correctCategory` and
 * `categoryUpdateAt` are set (the change is announced), completed when `previousCategory` is.
 */
export const templateCategoryUpdatedSchema = z.looseObject({
  ...template,
  newCategory: category,
  previousCategory: category.optional(),
  correctCategory: category.optional(),
  categoryUpdateAt: isoDateTimeSchema.optional(),
});

export const qualityScoreValues = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;

/** `message_template_quality_update` (RULES.md §3.7). */
export const templateQualityUpdatedSchema = z.looseObject({
  ...template,
  previousQualityScore: z.enum(qualityScoreValues).optional(),
  newQualityScore: z.enum(qualityScoreValues),
});

export type TemplateStatusUpdated = z.infer<typeof templateStatusUpdatedSchema>;
export type TemplateCategoryUpdated = z.infer<typeof templateCategoryUpdatedSchema>;
export type TemplateQualityUpdated = z.infer<typeof templateQualityUpdatedSchema>;
