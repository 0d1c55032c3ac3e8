import { TEMPLATE_STATUSES, type TemplateCategory, type TemplateStatus } from '@recado/domain';
import type { TemplateCategoryUpdated } from '@recado/contracts';

/** Webhooks spell languages `en-US`; templates are stored as sent, `en_US` (RULES §3.6). */
export const metaLanguageCode = (webhookLanguage: string): string => webhookLanguage.replace(/-/g, '_');

/** The template status an event names; null for events that are not statuses (FLAGGED, LOCKED…). */
export function templateStatusOf(event: string): TemplateStatus | null {
  return TEMPLATE_STATUSES.find((status) => status === event) ?? null;
}

export interface CategoryColumns {
  readonly category: TemplateCategory;
  readonly previousCategory?: TemplateCategory;
  readonly correctCategory?: TemplateCategory | null;
  readonly correctCategoryEffectiveAt?: Date | null;
}

/**
 * The template columns a `template_category_update` sets, by the contract's two shapes:
 * announced (the current category, the correct one and its date) or completed (previous and
 * new category; nothing is pending any more).
 */
export function categoryColumns(update: TemplateCategoryUpdated): CategoryColumns {
  if (update.correctCategory !== undefined && update.categoryUpdateAt !== undefined) {
    return { category: update.newCategory, correctCategory: update.correctCategory, correctCategoryEffectiveAt: new Date(update.categoryUpdateAt) };
  }
  if (update.previousCategory !== undefined) {
    return { category: update.newCategory, previousCategory: update.previousCategory, correctCategory: null, correctCategoryEffectiveAt: null };
  }
  return { category: update.newCategory };
}
