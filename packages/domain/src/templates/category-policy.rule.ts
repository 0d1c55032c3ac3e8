import type { TemplateCategory } from './template.model';
import { violation, type TemplateViolation } from './template-violation.model';

/** Per-tenant template policy, e.g. a provider that registers only MARKETING and UTILITY. */
export interface TenantTemplatePolicy {
  readonly allowedCategories: readonly TemplateCategory[];
}

/** Rejects a category the tenant may not register (CATEGORY_NOT_ALLOWED). */
export function checkCategoryAllowed(policy: TenantTemplatePolicy, category: TemplateCategory): TemplateViolation[] {
  return policy.allowedCategories.includes(category)
    ? []
    : [
        violation(
          'category',
          'CATEGORY_NOT_ALLOWED',
          `This account may register only ${policy.allowedCategories.join(', ') || 'no'} templates, not ${category}.`,
        ),
      ];
}
