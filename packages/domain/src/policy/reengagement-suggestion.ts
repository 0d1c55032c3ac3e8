import { isUsMarketingPaused } from '../limits';
import { recipientPhoneNumber } from '../identity';
import type { Template, TemplateCategory } from '../templates';
import type { DecisionFacts, SuggestedTemplate, TemplateSuggestion } from './decision.model';
import { effectiveCategory } from './decision-context';
import { consentVerdict } from './consent-verdict';

const MAX_SUGGESTIONS = 5;

// Utility first: Meta's "continue the conversation" use is utility [M7]; OTPs never re-open chats.
const CATEGORY_ORDER: Readonly<Record<TemplateCategory, number>> = { UTILITY: 0, MARKETING: 1, AUTHENTICATION: 2 };

/** Approved templates this contact may receive now, in a stable order. */
export function reEngagementSuggestion(facts: DecisionFacts, now: Date): TemplateSuggestion | undefined {
  const recipient = recipientPhoneNumber(facts.contact.identity);
  const templates = facts.candidateTemplates
    .filter((template) => template.status === 'APPROVED')
    .map((template): SuggestedTemplate => toSuggested(template, now))
    .filter((suggested) => suggested.category !== 'AUTHENTICATION')
    .filter((suggested) => consentVerdict(facts.consent, facts.tenant, suggested.category) === 'ALLOWED')
    .filter((suggested) => !(suggested.category === 'MARKETING' && marketingPaused(facts, recipient, now)))
    .sort(bySuggestionOrder)
    .slice(0, MAX_SUGGESTIONS);
  return templates.length === 0 ? undefined : { kind: 'SEND_TEMPLATE', templates };
}

function toSuggested(template: Template, now: Date): SuggestedTemplate {
  return { name: template.name, language: template.language, category: effectiveCategory(template, now) };
}

function marketingPaused(facts: DecisionFacts, recipient: string | null, now: Date): boolean {
  return recipient !== null && isUsMarketingPaused(facts.tenant.usMarketingPause, recipient, now);
}

function bySuggestionOrder(a: SuggestedTemplate, b: SuggestedTemplate): number {
  return (
    CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] ||
    compareText(a.name, b.name) ||
    compareText(a.language, b.language)
  );
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
