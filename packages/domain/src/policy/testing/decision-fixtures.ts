import type { CurrentConsent } from '../../consent';
import { NO_CONSENT } from '../../consent';
import type { ConversationState } from '../../conversation';
import { HOUR_MS } from '../../time';
import type { Template, TemplateCategory } from '../../templates';
import type { DecisionFacts, FreeFormCommand, TemplateCommand } from '../decision.model';
import { DEFAULT_TENANT_POLICY } from '../tenant-policy.model';

/** Test-only builders for `decide()` specs and the benchmark. */
export const NOW = new Date('2026-05-12T15:00:00Z');

export const BUSINESS_NUMBER = '5511900000000';
export const CONTACT_NUMBER = '5511987654321';

export function template(overrides: Partial<Template> = {}): Template {
  return {
    name: 'order_update',
    language: 'pt_BR',
    category: 'UTILITY',
    status: 'APPROVED',
    parameterFormat: 'POSITIONAL',
    components: [
      { type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} foi enviado.', example: { bodyText: [['Ana', '123']] } },
    ],
    ...overrides,
  };
}

export function templateCommand(overrides: Partial<TemplateCommand> = {}): TemplateCommand {
  return {
    kind: 'TEMPLATE',
    commandId: 'cmd-1',
    templateName: 'order_update',
    language: 'pt_BR',
    parameters: { body: [{ type: 'text', text: 'Ana' }, { type: 'text', text: '123' }] },
    ...overrides,
  };
}

export const FREE_FORM: FreeFormCommand = { kind: 'FREE_FORM', commandId: 'cmd-2', messageType: 'text' };

export function optedIn(...categories: TemplateCategory[]): CurrentConsent {
  const since = new Date(NOW.getTime() - 30 * 24 * HOUR_MS);
  const next = { ...NO_CONSENT };
  for (const category of categories) next[category] = { status: 'OPTED_IN', since, source: 'WEBSITE_FORM' };
  return next;
}

export function conversationWithInbound(hoursAgo: number | null): ConversationState {
  return {
    window: {
      lastInboundAt: hoursAgo === null ? null : new Date(NOW.getTime() - hoursAgo * HOUR_MS),
      closedByMetaAt: null,
      entryPoint: null,
    },
    reEngagementSentAt: null,
  };
}

/** Facts under which a utility template and free-form both pass. */
export function facts(overrides: Partial<DecisionFacts> = {}): DecisionFacts {
  return {
    sender: { phoneNumberDigits: BUSINESS_NUMBER, haltedUntil: null },
    contact: {
      identity: { waId: CONTACT_NUMBER, businessScopedUserId: null, phoneNumber: CONTACT_NUMBER },
      timeZone: 'America/Sao_Paulo',
      undeliverableSince: null,
      marketingHeldUntil: null,
    },
    consent: optedIn('MARKETING', 'UTILITY', 'AUTHENTICATION'),
    conversation: conversationWithInbound(2),
    template: template(),
    candidateTemplates: [],
    tenant: DEFAULT_TENANT_POLICY,
    messagingLimit: { tier: 'TIER_2K', uniqueRecipients24h: 10, recipientCounted: false, nextSlotFreesAt: null },
    recentSends: [],
    ...overrides,
  };
}
