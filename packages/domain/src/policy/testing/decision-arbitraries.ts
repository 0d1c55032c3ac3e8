import fc from 'fast-check';
import type { CategoryConsent, ConsentSource, CurrentConsent } from '../../consent';
import type { ConversationState } from '../../conversation';
import type { MessagingLimitTier, RecentSend } from '../../limits';
import { DAY_MS } from '../../time';
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from '../../templates';
import type { DecisionFacts, SendCommand } from '../decision.model';
import type { TenantPolicy } from '../tenant-policy.model';
import { DEFAULT_TENANT_POLICY } from '../tenant-policy.model';
import { BUSINESS_NUMBER, CONTACT_NUMBER, FREE_FORM, NOW, template, templateCommand } from './decision-fixtures';

/** fast-check generators of `decide()` inputs around NOW (test-only). */
export const instantArb: fc.Arbitrary<Date> = fc
  .integer({ min: -10 * DAY_MS, max: 2 * DAY_MS })
  .map((offset) => new Date(NOW.getTime() + offset));

const maybeInstant = fc.option(instantArb, { nil: null });

export const conversationArb: fc.Arbitrary<ConversationState> = fc.record({
  window: fc.record({
    lastInboundAt: maybeInstant,
    closedByMetaAt: maybeInstant,
    entryPoint: fc.option(fc.record({ referralAt: instantArb, openedAt: maybeInstant }), { nil: null }),
  }),
  reEngagementSentAt: maybeInstant,
});

const sources: readonly ConsentSource[] = ['WEBSITE_FORM', 'INBOUND_KEYWORD', 'META_USER_PREFERENCES', 'META_DELIVERY_ERROR', 'API'];

const categoryConsentArb: fc.Arbitrary<CategoryConsent> = fc.oneof(
  fc.constant<CategoryConsent>({ status: 'UNKNOWN', since: null, source: null }),
  fc.record({
    status: fc.constantFrom('OPTED_IN' as const, 'OPTED_OUT' as const),
    since: instantArb.map((at): Date | null => at),
    source: fc.constantFrom(...sources).map((source): ConsentSource | null => source),
  }),
);

export const consentArb: fc.Arbitrary<CurrentConsent> = fc.record({
  MARKETING: categoryConsentArb,
  UTILITY: categoryConsentArb,
  AUTHENTICATION: categoryConsentArb,
});

const tiers: readonly MessagingLimitTier[] = ['TIER_250', 'TIER_1K', 'TIER_2K', 'TIER_UNLIMITED'];

const tenantArb: fc.Arbitrary<TenantPolicy> = fc.record({
  per24h: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  per7d: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  capAction: fc.constantFrom('DEFER' as const, 'REJECT' as const),
  limitAction: fc.constantFrom('DEFER' as const, 'REJECT' as const),
  quiet: fc.option(fc.constantFrom({ start: '21:00', end: '08:00' }, { start: '11:00', end: '13:30' }), { nil: null }),
  pairMinGapMs: fc.integer({ min: 0, max: 10_000 }),
  usPause: fc.boolean(),
  optInNotRequiredFor: fc.subarray(['UTILITY', 'AUTHENTICATION'] as const),
}).map((t) => ({
  ...DEFAULT_TENANT_POLICY,
  marketingCap: { per24h: t.per24h, per7d: t.per7d },
  onMarketingCapReached: t.capAction,
  onMessagingLimitReached: t.limitAction,
  quietHours: t.quiet === null ? null : { ...t.quiet, categories: ['MARKETING', 'UTILITY'] },
  pairMinGapMs: t.pairMinGapMs,
  usMarketingPause: { ...DEFAULT_TENANT_POLICY.usMarketingPause, enabled: t.usPause },
  optInNotRequiredFor: t.optInNotRequiredFor,
}));

const recentSendArb: fc.Arbitrary<RecentSend> = fc.record({
  at: instantArb,
  category: fc.constantFrom('MARKETING' as const, 'UTILITY' as const, 'AUTHENTICATION' as const, 'SERVICE' as const),
});

export const factsArb: fc.Arbitrary<DecisionFacts> = fc.record({
  sender: fc.record({ phoneNumberDigits: fc.constant(BUSINESS_NUMBER), haltedUntil: maybeInstant }),
  contact: fc.record({
    identity: fc.record({
      waId: fc.option(fc.constantFrom(CONTACT_NUMBER, '12125550123', BUSINESS_NUMBER), { nil: null }),
      businessScopedUserId: fc.option(fc.constant('BR.1'), { nil: null }),
      phoneNumber: fc.option(fc.constant(CONTACT_NUMBER), { nil: null }),
    }),
    timeZone: fc.option(fc.constantFrom('America/Sao_Paulo', 'Europe/Madrid', 'Nowhere/Invalid'), { nil: null }),
    undeliverableSince: maybeInstant,
    marketingHeldUntil: maybeInstant,
  }),
  consent: consentArb,
  conversation: conversationArb,
  template: fc.option(
    fc.record({
      category: fc.constantFrom(...TEMPLATE_CATEGORIES),
      status: fc.constantFrom(...TEMPLATE_STATUSES),
    }).map((t) => template(t)),
    { nil: null },
  ),
  candidateTemplates: fc.array(
    fc.record({ name: fc.constantFrom('a', 'b', 'c'), category: fc.constantFrom(...TEMPLATE_CATEGORIES), status: fc.constantFrom(...TEMPLATE_STATUSES) }).map((t) => template(t)),
    { maxLength: 4 },
  ),
  tenant: tenantArb,
  messagingLimit: fc.record({
    tier: fc.constantFrom(...tiers),
    uniqueRecipients24h: fc.integer({ min: 0, max: 3_000 }),
    recipientCounted: fc.boolean(),
    nextSlotFreesAt: maybeInstant,
  }),
  recentSends: fc.array(recentSendArb, { maxLength: 6 }),
});

export const commandArb: fc.Arbitrary<SendCommand> = fc.oneof(
  fc.constant<SendCommand>(FREE_FORM),
  fc.constantFrom('pt_BR', 'en').map((language): SendCommand => templateCommand({ language })),
);
