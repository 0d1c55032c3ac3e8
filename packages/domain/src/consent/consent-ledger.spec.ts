import fc from 'fast-check';
import { HOUR_MS } from '../time';
import type { ConsentRecord, ConsentScope } from './consent.model';
import { CONSENT_CATEGORIES, NO_CONSENT } from './consent.model';
import { appendConsent, consentFor, foldConsent, validateConsentRecord } from './consent-ledger';

const T0 = new Date('2026-01-10T10:00:00Z');
const h = (hours: number): Date => new Date(T0.getTime() + hours * HOUR_MS);

function record(action: ConsentRecord['action'], scope: ConsentScope, hours: number, overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return { action, scope, source: 'WEBSITE_FORM', proof: { text: 'Quero receber ofertas da Loja X no WhatsApp' }, actor: 'web', at: h(hours), ...overrides };
}

describe('foldConsent', () => {
  it.each<[string, readonly ConsentRecord[], Record<string, string>]>([
    ['empty ledger', [], { MARKETING: 'UNKNOWN', UTILITY: 'UNKNOWN', AUTHENTICATION: 'UNKNOWN' }],
    ['opt-in ALL', [record('OPT_IN', 'ALL', 0)], { MARKETING: 'OPTED_IN', UTILITY: 'OPTED_IN', AUTHENTICATION: 'OPTED_IN' }],
    ['opt-out of marketing keeps utility', [record('OPT_IN', 'ALL', 0), record('OPT_OUT', 'MARKETING', 1)], { MARKETING: 'OPTED_OUT', UTILITY: 'OPTED_IN', AUTHENTICATION: 'OPTED_IN' }],
    ['opt-out ALL wins over earlier opt-ins', [record('OPT_IN', 'UTILITY', 0), record('OPT_OUT', 'ALL', 1)], { MARKETING: 'OPTED_OUT', UTILITY: 'OPTED_OUT', AUTHENTICATION: 'OPTED_OUT' }],
    ['later explicit opt-in restores', [record('OPT_OUT', 'ALL', 0), record('OPT_IN', 'MARKETING', 1)], { MARKETING: 'OPTED_IN', UTILITY: 'OPTED_OUT', AUTHENTICATION: 'OPTED_OUT' }],
    ['same instant: opt-out wins', [record('OPT_OUT', 'MARKETING', 0), record('OPT_IN', 'MARKETING', 0)], { MARKETING: 'OPTED_OUT', UTILITY: 'UNKNOWN', AUTHENTICATION: 'UNKNOWN' }],
    ['appended out of order: time decides', [record('OPT_IN', 'MARKETING', 5), record('OPT_OUT', 'MARKETING', 1)], { MARKETING: 'OPTED_IN', UTILITY: 'UNKNOWN', AUTHENTICATION: 'UNKNOWN' }],
  ])('%s', (_name, ledger, expected) => {
    const current = foldConsent(ledger);
    for (const category of CONSENT_CATEGORIES) expect(consentFor(current, category).status).toBe(expected[category]);
  });

  it('keeps when and from where', () => {
    const current = foldConsent([record('OPT_OUT', 'MARKETING', 2, { source: 'INBOUND_KEYWORD' })]);
    expect(current.MARKETING).toEqual({ status: 'OPTED_OUT', since: h(2), source: 'INBOUND_KEYWORD' });
    expect(foldConsent([])).toBe(NO_CONSENT);
  });

  it('an opt-out at or after every other record always wins (property)', () => {
    const recordArb = fc.record({
      action: fc.constantFrom('OPT_IN' as const, 'OPT_OUT' as const),
      scope: fc.constantFrom<ConsentScope>('ALL', ...CONSENT_CATEGORIES),
      hours: fc.integer({ min: -100, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(recordArb), fc.constantFrom(...CONSENT_CATEGORIES), (raw, category) => {
        const ledger = raw.map((r) => record(r.action, r.scope, r.hours));
        const last = Math.max(0, ...raw.map((r) => r.hours));
        expect(foldConsent([...ledger, record('OPT_OUT', category, last)])[category].status).toBe('OPTED_OUT');
      }),
    );
  });
});

describe('appendConsent', () => {
  it('appends a valid record without touching the old ledger', () => {
    const ledger = [record('OPT_IN', 'ALL', 0)];
    const result = appendConsent(ledger, record('OPT_OUT', 'MARKETING', 1));
    expect(result.ok && result.ledger).toHaveLength(2);
    expect(ledger).toHaveLength(1);
  });

  it.each<[string, ConsentRecord, string[]]>([
    ['no actor', record('OPT_IN', 'ALL', 0, { actor: ' ' }), ['ACTOR_MISSING']],
    ['invalid time', { ...record('OPT_OUT', 'ALL', 0), at: new Date(Number.NaN) }, ['INVALID_TIME']],
    ['opt-in without proof', record('OPT_IN', 'ALL', 0, { proof: {} }), ['PROOF_MISSING']],
    ['opt-in with only a URL is fine', record('OPT_IN', 'ALL', 0, { proof: { url: 'https://x/proof.pdf' } }), []],
    ['opt-out needs no proof', record('OPT_OUT', 'ALL', 0, { proof: {} }), []],
    ['Meta preference beyond marketing', record('OPT_OUT', 'ALL', 0, { source: 'META_USER_PREFERENCES' }), ['SOURCE_SCOPE_MISMATCH']],
    ['131050 as an opt-in', record('OPT_IN', 'MARKETING', 0, { source: 'META_DELIVERY_ERROR' }), ['SOURCE_ACTION_MISMATCH']],
    ['opt-out button as an opt-in', record('OPT_IN', 'MARKETING', 0, { source: 'OPT_OUT_BUTTON' }), ['SOURCE_ACTION_MISMATCH']],
  ])('%s', (_name, input, codes) => {
    expect(validateConsentRecord(input).map((v) => v.code)).toEqual(codes);
    const result = appendConsent([], input);
    expect(result.ok).toBe(codes.length === 0);
    if (!result.ok) expect(result.violations.map((v) => v.code)).toEqual(codes);
  });
});
