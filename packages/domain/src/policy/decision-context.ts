import type { ConversationView } from '../conversation';
import { conversationAt } from '../conversation';
import type { Template, TemplateCategory } from '../templates';
import type { DecisionFacts, DeferDecision, RejectDecision, SendCommand, TemplateSuggestion } from './decision.model';
import type { ReasonCode } from './reason-codes';
import type { LimitReachedAction } from './tenant-policy.model';

/** What every check reads; derived values are computed once per decision. */
export interface DecisionContext {
  readonly command: SendCommand;
  readonly facts: DecisionFacts;
  readonly now: Date;
  readonly conversation: ConversationView;
  /** The matching template, `null` for free-form or when none matches (name, language). */
  readonly template: Template | null;
  /** The template's category as Meta applies it at `now`. */
  readonly category: TemplateCategory | null;
}

export type CheckResult = DeferDecision | RejectDecision | null;

export type Check = (context: DecisionContext) => CheckResult;

export function buildContext(command: SendCommand, facts: DecisionFacts, now: Date): DecisionContext {
  const template = command.kind === 'TEMPLATE' ? matchingTemplate(facts.template, command.templateName, command.language) : null;
  return {
    command,
    facts,
    now,
    conversation: conversationAt(facts.conversation, now, facts.tenant.windowDurations),
    template,
    category: template === null ? null : effectiveCategory(template, now),
  };
}

function matchingTemplate(template: Template | null, name: string, language: string): Template | null {
  return template !== null && template.name === name && template.language === language ? template : null;
}

/** A pending re-categorisation applies from its date: sends are priced and consented as the new category [M7] [M24]. */
export function effectiveCategory(template: Template, now: Date): TemplateCategory {
  const { correctCategory, pendingCategoryAt } = template;
  if (correctCategory === undefined || pendingCategoryAt === undefined) return template.category;
  return pendingCategoryAt.getTime() <= now.getTime() ? correctCategory : template.category;
}

export function reject(code: ReasonCode, message: string, suggestion?: TemplateSuggestion): RejectDecision {
  return suggestion === undefined ? { outcome: 'REJECT', code, message } : { outcome: 'REJECT', code, message, suggestion };
}

export function defer(reason: ReasonCode, until: Date, message: string): DeferDecision {
  return { outcome: 'DEFER', until, reason, message };
}

/** A limit that frees up at `until` defers, unless the tenant prefers to reject or no end is known. */
export function deferOrReject(
  code: ReasonCode,
  until: Date | null,
  action: LimitReachedAction,
  message: string,
): DeferDecision | RejectDecision {
  if (until === null || action === 'REJECT') return reject(code, message);
  return defer(code, until, message);
}
