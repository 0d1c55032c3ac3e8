import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../time';
import type { TemplateStatus } from '../templates';
import { decide } from './decide';
import type { Decision, DecisionFacts, SendCommand } from './decision.model';
import type { ReasonCode } from './reason-codes';
import { DEFAULT_TENANT_POLICY } from './tenant-policy.model';
import {
  BUSINESS_NUMBER,
  conversationWithInbound,
  facts,
  FREE_FORM,
  NOW,
  optedIn,
  template,
  templateCommand,
} from './testing/decision-fixtures';

const at = (ms: number): Date => new Date(NOW.getTime() + ms);
const marketing = template({ name: 'promo', category: 'MARKETING' });
const marketingCommand = templateCommand({ templateName: 'promo' });
const usContact = { identity: { waId: '12125550123', businessScopedUserId: null, phoneNumber: null }, timeZone: 'America/New_York', undeliverableSince: null, marketingHeldUntil: null };
const closed = conversationWithInbound(30);

interface Row {
  readonly name: string;
  readonly command: SendCommand;
  readonly facts: DecisionFacts;
  readonly code: ReasonCode;
  readonly outcome: 'REJECT' | 'DEFER';
  readonly until?: Date;
}

const rejectRows: readonly Row[] = [
  { name: 'halted sender', command: FREE_FORM, facts: facts({ sender: { phoneNumberDigits: BUSINESS_NUMBER, haltedUntil: at(HOUR_MS) } }), code: 'SENDER_HALTED', outcome: 'DEFER', until: at(HOUR_MS) },
  { name: 'no identity', command: FREE_FORM, facts: facts({ contact: { ...facts().contact, identity: { waId: null, businessScopedUserId: null, phoneNumber: null } } }), code: 'RECIPIENT_UNRESOLVED', outcome: 'REJECT' },
  { name: 'recipient is the sender', command: FREE_FORM, facts: facts({ contact: { ...facts().contact, identity: { waId: BUSINESS_NUMBER, businessScopedUserId: null, phoneNumber: null } } }), code: 'RECIPIENT_IS_SENDER', outcome: 'REJECT' },
  { name: '131026 after the last inbound', command: templateCommand(), facts: facts({ contact: { ...facts().contact, undeliverableSince: at(-HOUR_MS) } }), code: 'CONTACT_UNDELIVERABLE', outcome: 'REJECT' },
  { name: '131026 and never wrote', command: templateCommand(), facts: facts({ conversation: conversationWithInbound(null), contact: { ...facts().contact, undeliverableSince: at(-HOUR_MS) } }), code: 'CONTACT_UNDELIVERABLE', outcome: 'REJECT' },
  { name: 'utility opted out', command: templateCommand(), facts: facts({ consent: { ...optedIn('MARKETING'), UTILITY: { status: 'OPTED_OUT', since: at(-HOUR_MS), source: 'INBOUND_KEYWORD' } } }), code: 'CONSENT_OPTED_OUT', outcome: 'REJECT' },
  { name: 'marketing stopped via user_preferences', command: marketingCommand, facts: facts({ template: marketing, consent: { ...optedIn('UTILITY'), MARKETING: { status: 'OPTED_OUT', since: at(-HOUR_MS), source: 'META_USER_PREFERENCES' } } }), code: 'MARKETING_STOPPED_IN_WHATSAPP', outcome: 'REJECT' },
  { name: 'marketing stopped via 131050', command: marketingCommand, facts: facts({ template: marketing, consent: { ...optedIn('UTILITY'), MARKETING: { status: 'OPTED_OUT', since: at(-HOUR_MS), source: 'META_DELIVERY_ERROR' } } }), code: 'MARKETING_STOPPED_IN_WHATSAPP', outcome: 'REJECT' },
  { name: 'no opt-in', command: templateCommand(), facts: facts({ consent: optedIn('MARKETING') }), code: 'CONSENT_MISSING', outcome: 'REJECT' },
  { name: 'free-form, window expired', command: FREE_FORM, facts: facts({ conversation: closed }), code: 'WINDOW_CLOSED', outcome: 'REJECT' },
  { name: 'free-form, never wrote', command: FREE_FORM, facts: facts({ conversation: conversationWithInbound(null) }), code: 'WINDOW_CLOSED', outcome: 'REJECT' },
  { name: 'free-form, closed by 131047', command: FREE_FORM, facts: facts({ conversation: { ...conversationWithInbound(1), window: { ...conversationWithInbound(1).window, closedByMetaAt: at(-MINUTE_MS) } } }), code: 'WINDOW_CLOSED', outcome: 'REJECT' },
  { name: 'free-form, awaiting reply', command: FREE_FORM, facts: facts({ conversation: { ...closed, reEngagementSentAt: at(-HOUR_MS) } }), code: 'AWAITING_CONTACT_REPLY', outcome: 'REJECT' },
  { name: 'no template', command: templateCommand(), facts: facts({ template: null }), code: 'TEMPLATE_NOT_FOUND', outcome: 'REJECT' },
  { name: 'template in another language', command: templateCommand({ language: 'pt_PT' }), facts: facts(), code: 'TEMPLATE_NOT_FOUND', outcome: 'REJECT' },
  { name: 'parameters do not match', command: templateCommand({ parameters: { body: [{ type: 'text', text: 'Ana' }] } }), facts: facts(), code: 'TEMPLATE_PARAMETERS_INVALID', outcome: 'REJECT' },
  { name: 'authentication to a BSUID-only contact', command: templateCommand({ templateName: 'otp', parameters: { body: [{ type: 'text', text: '123456' }], buttons: [{ subType: 'url', index: 0, text: '123456' }] } }), facts: facts({ template: template({ name: 'otp', category: 'AUTHENTICATION', components: [{ type: 'BODY', addSecurityRecommendation: true }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'COPY_CODE' }] }] }), contact: { ...facts().contact, identity: { waId: null, businessScopedUserId: 'BR.123', phoneNumber: null } } }), code: 'AUTHENTICATION_REQUIRES_PHONE_NUMBER', outcome: 'REJECT' },
  { name: 'marketing to a US number', command: marketingCommand, facts: facts({ template: marketing, contact: usContact }), code: 'US_MARKETING_PAUSED', outcome: 'REJECT' },
  { name: 'marketing held after 131049', command: marketingCommand, facts: facts({ template: marketing, contact: { ...facts().contact, marketingHeldUntil: at(20 * HOUR_MS) } }), code: 'MARKETING_HELD_BY_META', outcome: 'DEFER', until: at(20 * HOUR_MS) },
  { name: 'marketing cap per 24 h', command: marketingCommand, facts: facts({ template: marketing, tenant: { ...DEFAULT_TENANT_POLICY, marketingCap: { per24h: 1, per7d: null } }, recentSends: [{ at: at(-2 * HOUR_MS), category: 'MARKETING' }] }), code: 'MARKETING_CAP_24H', outcome: 'DEFER', until: at(22 * HOUR_MS) },
  { name: 'marketing cap per 7 days', command: marketingCommand, facts: facts({ template: marketing, tenant: { ...DEFAULT_TENANT_POLICY, marketingCap: { per24h: 5, per7d: 2 } }, recentSends: [{ at: at(-48 * HOUR_MS), category: 'MARKETING' }, { at: at(-72 * HOUR_MS), category: 'MARKETING' }] }), code: 'MARKETING_CAP_7D', outcome: 'DEFER', until: at(96 * HOUR_MS) },
  { name: 'marketing cap, tenant rejects', command: marketingCommand, facts: facts({ template: marketing, tenant: { ...DEFAULT_TENANT_POLICY, marketingCap: { per24h: 1, per7d: null }, onMarketingCapReached: 'REJECT' }, recentSends: [{ at: at(-2 * HOUR_MS), category: 'MARKETING' }] }), code: 'MARKETING_CAP_24H', outcome: 'REJECT' },
  { name: 'quiet hours (12:00 in São Paulo inside 11:00–13:00)', command: templateCommand(), facts: facts({ tenant: { ...DEFAULT_TENANT_POLICY, quietHours: { start: '11:00', end: '13:00', categories: ['UTILITY'] } } }), code: 'QUIET_HOURS', outcome: 'DEFER', until: new Date('2026-05-12T16:00:00Z') },
  { name: 'messaging limit reached', command: templateCommand(), facts: facts({ conversation: closed, messagingLimit: { tier: 'TIER_250', uniqueRecipients24h: 250, recipientCounted: false, nextSlotFreesAt: at(3 * HOUR_MS) } }), code: 'MESSAGING_LIMIT_REACHED', outcome: 'DEFER', until: at(3 * HOUR_MS) },
  { name: 'messaging limit, no slot time known', command: templateCommand(), facts: facts({ conversation: closed, messagingLimit: { tier: 'TIER_250', uniqueRecipients24h: 250, recipientCounted: false, nextSlotFreesAt: null } }), code: 'MESSAGING_LIMIT_REACHED', outcome: 'REJECT' },
  { name: 'messaging limit, tenant rejects', command: templateCommand(), facts: facts({ conversation: closed, tenant: { ...DEFAULT_TENANT_POLICY, onMessagingLimitReached: 'REJECT' }, messagingLimit: { tier: 'TIER_250', uniqueRecipients24h: 250, recipientCounted: false, nextSlotFreesAt: at(HOUR_MS) } }), code: 'MESSAGING_LIMIT_REACHED', outcome: 'REJECT' },
  { name: 'pair rate', command: FREE_FORM, facts: facts({ recentSends: [{ at: at(-2 * SECOND_MS), category: 'SERVICE' }] }), code: 'PAIR_RATE', outcome: 'DEFER', until: at(4 * SECOND_MS) },
];

const statusRows: readonly [TemplateStatus, ReasonCode][] = [
  ['PENDING', 'TEMPLATE_PENDING'],
  ['REJECTED', 'TEMPLATE_REJECTED'],
  ['PAUSED', 'TEMPLATE_PAUSED'],
  ['DISABLED', 'TEMPLATE_DISABLED'],
  ['IN_APPEAL', 'TEMPLATE_IN_APPEAL'],
  ['PENDING_DELETION', 'TEMPLATE_PENDING_DELETION'],
  ['DELETED', 'TEMPLATE_DELETED'],
  ['LIMIT_EXCEEDED', 'TEMPLATE_LIMIT_EXCEEDED'],
  ['ARCHIVED', 'TEMPLATE_ARCHIVED'],
];

function codeOf(decision: Decision): string {
  switch (decision.outcome) {
    case 'ALLOW':
      return 'ALLOW';
    case 'DEFER':
      return decision.reason;
    case 'REJECT':
      return decision.code;
  }
}

describe('decide', () => {
  it.each(rejectRows)('$name → $outcome $code', (row) => {
    const decision = decide(row.command, row.facts, NOW);
    expect(decision.outcome).toBe(row.outcome);
    expect(codeOf(decision)).toBe(row.code);
    if (row.until !== undefined && decision.outcome === 'DEFER') expect(decision.until).toEqual(row.until);
    if (decision.outcome !== 'ALLOW') expect(decision.message.length).toBeGreaterThan(0);
  });

  it.each(statusRows)('template %s → REJECT %s', (status, code) => {
    const decision = decide(templateCommand(), facts({ template: template({ status }) }), NOW);
    expect(decision).toMatchObject({ outcome: 'REJECT', code });
  });

  it.each([
    ['free-form inside the window', FREE_FORM, facts()],
    ['utility template inside the window', templateCommand(), facts()],
    ['utility template outside the window', templateCommand(), facts({ conversation: closed })],
    ['marketing to Canada (+1 416)', marketingCommand, facts({ template: marketing, contact: { ...usContact, identity: { waId: '14165550123', businessScopedUserId: null, phoneNumber: null } } })],
    ['marketing to the US with the pause disabled', marketingCommand, facts({ template: marketing, contact: usContact, tenant: { ...DEFAULT_TENANT_POLICY, usMarketingPause: { enabled: false, since: new Date(0) } } })],
    ['utility without opt-in on a contract basis', templateCommand(), facts({ consent: optedIn(), tenant: { ...DEFAULT_TENANT_POLICY, optInNotRequiredFor: ['UTILITY'] } })],
    ['131026 before the contact wrote again', FREE_FORM, facts({ contact: { ...facts().contact, undeliverableSince: at(-5 * HOUR_MS) } })],
    ['expired halt and 131049 hold', marketingCommand, facts({ template: marketing, sender: { phoneNumberDigits: BUSINESS_NUMBER, haltedUntil: at(-1) }, contact: { ...facts().contact, marketingHeldUntil: at(-1) } })],
    ['messaging limit reached, contact already counted', templateCommand(), facts({ conversation: closed, messagingLimit: { tier: 'TIER_250', uniqueRecipients24h: 250, recipientCounted: true, nextSlotFreesAt: null } })],
    ['messaging limit reached, but inside the window', templateCommand(), facts({ messagingLimit: { tier: 'TIER_250', uniqueRecipients24h: 250, recipientCounted: false, nextSlotFreesAt: null } })],
    ['quiet hours for marketing only', templateCommand(), facts({ tenant: { ...DEFAULT_TENANT_POLICY, quietHours: { start: '11:00', end: '13:00', categories: ['MARKETING'] } } })],
    ['quiet hours over, invalid contact zone falls back to the tenant zone', templateCommand(), facts({ contact: { ...facts().contact, timeZone: 'Mars/Olympus' }, tenant: { ...DEFAULT_TENANT_POLICY, defaultTimeZone: 'Asia/Tokyo', quietHours: { start: '11:00', end: '13:00', categories: ['UTILITY'] } } })],
    ['pair rate disabled', FREE_FORM, facts({ tenant: { ...DEFAULT_TENANT_POLICY, pairMinGapMs: 0 }, recentSends: [{ at: NOW, category: 'SERVICE' }] })],
  ] as const)('%s → ALLOW', (_name, command, input) => {
    expect(decide(command, input, NOW)).toEqual({ outcome: 'ALLOW' });
  });

  it('uses the re-categorised category once the switch date passed', () => {
    const switched = template({ correctCategory: 'MARKETING', pendingCategoryAt: at(-HOUR_MS) });
    const pending = template({ correctCategory: 'MARKETING', pendingCategoryAt: at(HOUR_MS) });
    const consent = optedIn('UTILITY');
    expect(decide(templateCommand(), facts({ template: switched, consent }), NOW)).toMatchObject({ code: 'CONSENT_MISSING' });
    expect(decide(templateCommand(), facts({ template: pending, consent }), NOW)).toEqual({ outcome: 'ALLOW' });
  });

  it('prefers a REJECT over an earlier DEFER', () => {
    const input = facts({ sender: { phoneNumberDigits: BUSINESS_NUMBER, haltedUntil: at(HOUR_MS) }, template: null });
    expect(decide(templateCommand(), input, NOW)).toMatchObject({ outcome: 'REJECT', code: 'TEMPLATE_NOT_FOUND' });
  });

  it('defers to the latest of several deferrals', () => {
    const input = facts({
      sender: { phoneNumberDigits: BUSINESS_NUMBER, haltedUntil: at(HOUR_MS) },
      recentSends: [{ at: NOW, category: 'SERVICE' }],
    });
    expect(decide(FREE_FORM, input, NOW)).toMatchObject({ outcome: 'DEFER', reason: 'SENDER_HALTED', until: at(HOUR_MS) });
  });

  it('refuses an invalid clock', () => {
    expect(() => decide(FREE_FORM, facts(), new Date(Number.NaN))).toThrow(RangeError);
  });
});
