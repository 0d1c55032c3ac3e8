import { HOUR_MS } from '../time';
import { decide } from './decide';
import { reEngagementSuggestion } from './reengagement-suggestion';
import { DEFAULT_TENANT_POLICY } from './tenant-policy.model';
import { conversationWithInbound, facts, FREE_FORM, NOW, optedIn, template } from './testing/decision-fixtures';

const candidates = [
  template({ name: 'promo_b', category: 'MARKETING' }),
  template({ name: 'zz_followup', category: 'UTILITY' }),
  template({ name: 'aa_followup', category: 'UTILITY', language: 'es' }),
  template({ name: 'aa_followup', category: 'UTILITY', language: 'en' }),
  template({ name: 'otp', category: 'AUTHENTICATION' }),
  template({ name: 'paused', category: 'UTILITY', status: 'PAUSED' }),
];

describe('reEngagementSuggestion', () => {
  it('lists approved, consented templates: utility first, then by name and language', () => {
    const suggestion = reEngagementSuggestion(facts({ candidateTemplates: candidates }), NOW);
    expect(suggestion?.templates.map((t) => `${t.category}:${t.name}:${t.language}`)).toEqual([
      'UTILITY:aa_followup:en',
      'UTILITY:aa_followup:es',
      'UTILITY:zz_followup:pt_BR',
      'MARKETING:promo_b:pt_BR',
    ]);
  });

  it('leaves out categories the contact did not consent to', () => {
    const suggestion = reEngagementSuggestion(facts({ candidateTemplates: candidates, consent: optedIn('UTILITY') }), NOW);
    expect(suggestion?.templates.every((t) => t.category === 'UTILITY')).toBe(true);
  });

  it('leaves out marketing to US numbers while the pause stands', () => {
    const base = facts();
    const us = { ...base.contact, identity: { waId: '12125550123', businessScopedUserId: null, phoneNumber: null } };
    const suggestion = reEngagementSuggestion(facts({ candidateTemplates: candidates, contact: us }), NOW);
    expect(suggestion?.templates.some((t) => t.category === 'MARKETING')).toBe(false);
  });

  it('keeps at most five and says nothing when none fits', () => {
    const many = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => template({ name }));
    expect(reEngagementSuggestion(facts({ candidateTemplates: many }), NOW)?.templates).toHaveLength(5);
    expect(reEngagementSuggestion(facts({ candidateTemplates: candidates.slice(4, 5) }), NOW)).toBeUndefined();
  });

  it('uses the category Meta switched the template to', () => {
    const switched = template({ name: 'x', correctCategory: 'MARKETING', pendingCategoryAt: new Date(NOW.getTime() - HOUR_MS) });
    const suggestion = reEngagementSuggestion(facts({ candidateTemplates: [switched], consent: optedIn('UTILITY') }), NOW);
    expect(suggestion).toBeUndefined();
  });

  it('is attached to a WINDOW_CLOSED rejection', () => {
    const decision = decide(FREE_FORM, facts({ conversation: conversationWithInbound(25), candidateTemplates: candidates, tenant: DEFAULT_TENANT_POLICY }), NOW);
    expect(decision).toMatchObject({ outcome: 'REJECT', code: 'WINDOW_CLOSED', suggestion: { kind: 'SEND_TEMPLATE' } });
  });
});
