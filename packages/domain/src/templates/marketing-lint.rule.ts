import type { Template, TemplateComponent } from './template.model';
import { foldText } from './text-normalize.util';
import { DISCOUNT_PATTERN, marketingTermsFor } from './marketing-lexicon.data';

export interface TemplateLintWarning {
  readonly code: 'UTILITY_READS_AS_MARKETING';
  readonly path: string;
  readonly message: string;
  /** The lexicon terms (or discount expressions) found. */
  readonly triggers: readonly string[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Terms of `terms` found in `text` as whole words, ignoring case and accents. */
export function findMarketingTerms(text: string, terms: readonly string[]): string[] {
  const folded = foldText(text).replace(/[’`]/g, "'");
  const hits = terms.filter((term) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escape(foldText(term))}(?![\\p{L}\\p{N}])`, 'u').test(folded),
  );
  const discounts = [...folded.matchAll(DISCOUNT_PATTERN)].map((m) => m[0]);
  return [...new Set([...hits, ...discounts])];
}

function textsOf(component: TemplateComponent, path: string): { path: string; text: string }[] {
  switch (component.type) {
    case 'HEADER':
      return component.format === 'TEXT' ? [{ path: `${path}.text`, text: component.text }] : [];
    case 'BODY':
    case 'FOOTER':
      return component.text === undefined ? [] : [{ path: `${path}.text`, text: component.text }];
    case 'BUTTONS':
      return component.buttons.flatMap((b, i) => ('text' in b && b.text ? [{ path: `${path}.buttons[${i}].text`, text: b.text }] : []));
  }
}

/**
 * Warns when a UTILITY template reads like marketing: Meta would approve it as MARKETING
 * (since 2025-04-09) or re-categorise it later [M7]. Other categories get no warning.
 * `terms` defaults to the lexicon of the template's language (all lexicons if unknown).
 */
export function lintUtilityTemplate(
  template: Pick<Template, 'category' | 'components' | 'language'>,
  terms: readonly string[] = marketingTermsFor(template.language),
): TemplateLintWarning[] {
  if (template.category !== 'UTILITY') return [];
  return template.components
    .flatMap((c, i) => textsOf(c, `components[${i}]`))
    .flatMap(({ path, text }) => {
      const triggers = findMarketingTerms(text, terms);
      return triggers.length === 0
        ? []
        : [{ code: 'UTILITY_READS_AS_MARKETING' as const, path, triggers, message: `Reads like marketing (${triggers.join(', ')}); Meta may approve or re-categorise it as MARKETING.` }];
    });
}
