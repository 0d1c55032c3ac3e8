import type { ComponentContext } from './component-context.model';
import type { TemplateComponent, TemplateComponentType, TemplateSubmission } from './template.model';
import type { TemplateViolation } from './template-violation.model';
import { violation } from './template-violation.model';
import { checkTemplateLanguage, checkTemplateName, checkTtl } from './identity.rule';
import { checkCategoryAllowed, type TenantTemplatePolicy } from './category-policy.rule';
import { checkHeader } from './header.rule';
import { checkBody, checkFooter } from './body-footer.rule';
import { checkButtons } from './buttons.rule';
import { checkAuthentication } from './authentication.rule';

export interface ValidateTemplateOptions {
  readonly tenantPolicy?: TenantTemplatePolicy;
  /** Overrides META_TEMPLATE_LANGUAGES. */
  readonly supportedLanguages?: readonly string[];
}

const COMPONENT_TYPES: readonly TemplateComponentType[] = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'];

/** One BODY required; at most one of each component [M9]. */
function checkStructure(components: readonly TemplateComponent[]): TemplateViolation[] {
  const found: TemplateViolation[] = [];
  for (const type of COMPONENT_TYPES) {
    const indexes = components.flatMap((c, i) => (c.type === type ? [i] : []));
    indexes.slice(1).forEach((i) => found.push(violation(`components[${i}]`, 'COMPONENT_DUPLICATE', `Only one ${type} component is allowed.`)));
    if (type === 'BODY' && indexes.length === 0) found.push(violation('components', 'BODY_MISSING', 'A template needs a BODY component.'));
  }
  return found;
}

function checkComponent(component: TemplateComponent, ctx: ComponentContext): TemplateViolation[] {
  switch (component.type) {
    case 'HEADER':
      return checkHeader(component, ctx);
    case 'BODY':
      return checkBody(component, ctx);
    case 'FOOTER':
      return checkFooter(component, ctx);
    case 'BUTTONS':
      return checkButtons(component, ctx);
  }
}

/** Every Meta submission rule (RULES.md §4) at once; empty = nothing Recado knows Meta would reject. */
export function validateTemplate(template: TemplateSubmission, options: ValidateTemplateOptions = {}): TemplateViolation[] {
  const { category, parameterFormat } = template;
  return [
    ...checkTemplateName(template.name),
    ...checkTemplateLanguage(template.language, options.supportedLanguages),
    ...(options.tenantPolicy ? checkCategoryAllowed(options.tenantPolicy, category) : []),
    ...checkTtl(category, template.messageSendTtlSeconds),
    ...checkStructure(template.components),
    ...template.components.flatMap((c, i) => checkComponent(c, { category, parameterFormat, path: `components[${i}]` })),
    ...checkAuthentication(template),
  ];
}
