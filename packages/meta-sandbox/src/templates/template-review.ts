import { findMarketingTerms, marketingTermsFor, type TemplateCategory } from '@recado/domain';

export type ReviewVerdict =
  | { readonly status: 'APPROVED'; readonly category: TemplateCategory }
  | { readonly status: 'REJECTED'; readonly reason: string; readonly rejection: { reason: string; recommendation: string } };

const ADJACENT = /\}\}\s*\{\{/;

function texts(components: readonly unknown[]): string[] {
  return components.flatMap((component) => {
    const text = typeof component === 'object' && component !== null ? (component as Record<string, unknown>)['text'] : undefined;
    return typeof text === 'string' ? [text] : [];
  });
}

/**
 * Deterministic stand-in for Meta's review [M10]: adjacent parameters are refused as
 * INVALID_FORMAT (Meta's own example); a name starting `reject_` is refused as PROMOTIONAL;
 * a UTILITY template with promotional wording is approved as MARKETING, as since 2025-04-09 [M7].
 */
export function reviewTemplate(name: string, category: TemplateCategory, components: readonly unknown[], language = 'en'): ReviewVerdict {
  if (texts(components).some((text) => ADJACENT.test(text))) {
    return {
      status: 'REJECTED',
      reason: 'INVALID_FORMAT',
      rejection: {
        reason: 'Your template has parameters placed next to each other (like {{1}}{{2}}) without text or punctuation between them.',
        recommendation: 'Separate parameters with descriptive text and ensure each parameter is clearly contextualized.',
      },
    };
  }
  if (name.startsWith('reject_')) {
    return { status: 'REJECTED', reason: 'PROMOTIONAL', rejection: { reason: 'The template was refused in review.', recommendation: 'Edit the content and submit again.' } };
  }
  const promotional = texts(components).some((text) => findMarketingTerms(text, marketingTermsFor(language)).length > 0);
  return { status: 'APPROVED', category: category === 'UTILITY' && promotional ? 'MARKETING' : category };
}
