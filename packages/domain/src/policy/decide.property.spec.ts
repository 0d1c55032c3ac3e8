import fc from 'fast-check';
import type { ConsentRecord } from '../consent';
import { CONSENT_CATEGORIES, foldConsent } from '../consent';
import { conversationAt } from '../conversation';
import { DAY_MS } from '../time';
import { decide } from './decide';
import { NOW, templateCommand, FREE_FORM } from './testing/decision-fixtures';
import { commandArb, factsArb, instantArb } from './testing/decision-arbitraries';

const runs = { numRuns: 400 };

describe('decide — properties', () => {
  it('never allows free-form outside an open customer service window', () => {
    fc.assert(
      fc.property(factsArb, instantArb, (facts, now) => {
        const decision = decide(FREE_FORM, facts, now);
        const open = conversationAt(facts.conversation, now, facts.tenant.windowDurations).status === 'OPEN';
        if (!open) expect(decision.outcome).toBe('REJECT');
      }),
      runs,
    );
  });

  const recordArb = fc.record({
    action: fc.constantFrom('OPT_IN' as const, 'OPT_OUT' as const),
    scope: fc.constantFrom('ALL' as const, ...CONSENT_CATEGORIES),
    at: instantArb,
  }).map((r): ConsentRecord => ({ ...r, source: 'API', proof: { text: 'form v1' }, actor: 'tester' }));

  it('never allows a business-initiated template after an opt-out of its category', () => {
    fc.assert(
      fc.property(factsArb, fc.array(recordArb, { maxLength: 6 }), fc.constantFrom(...CONSENT_CATEGORIES), fc.constantFrom('ALL' as const, 'SELF' as const), (facts, history, category, scope) => {
        const latest = Math.max(NOW.getTime() - 20 * DAY_MS, ...history.map((r) => r.at.getTime()));
        const optOut: ConsentRecord = { action: 'OPT_OUT', scope: scope === 'ALL' ? 'ALL' : category, source: 'INBOUND_KEYWORD', proof: { text: 'PARAR' }, actor: 'contact', at: new Date(latest) };
        const withTemplate = { ...facts, template: facts.template === null ? null : { ...facts.template, category }, consent: foldConsent([...history, optOut]) };
        const decision = decide(templateCommand(), withTemplate, NOW);
        expect(decision.outcome).toBe('REJECT');
      }),
      runs,
    );
  });

  it('is deterministic: equal inputs give equal decisions', () => {
    fc.assert(
      fc.property(commandArb, factsArb, instantArb, (command, facts, now) => {
        const first = decide(command, facts, now);
        const again = decide(structuredClone(command), structuredClone(facts), new Date(now.getTime()));
        expect(again).toEqual(first);
      }),
      runs,
    );
  });
});
