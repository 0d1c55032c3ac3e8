import { buildKeywordSet, keywordConsentRecord, matchConsentKeyword, normalizeKeywordText } from './consent-keyword.rule';
import { DEFAULT_CONSENT_KEYWORDS, KEYWORD_LOCALES } from './consent-keywords.data';

describe('normalizeKeywordText', () => {
  it.each([
    ['  Não quero mais!! 🙏', 'NAO QUERO MAIS'],
    ['¡Baja!', 'BAJA'],
    ['opt-out', 'OPT OUT'],
    ['ＳＴＯＰ', 'STOP'],
    ['Stop\u200d\ufe0f', 'STOP'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeKeywordText(input)).toBe(expected);
  });
});

describe('matchConsentKeyword (defaults)', () => {
  it.each([
    ['PARAR', 'OPT_OUT'],
    ['parar', 'OPT_OUT'],
    [' Sair. ', 'OPT_OUT'],
    ['cancelar inscrição', 'OPT_OUT'],
    ['CANCELAR INSCRICAO', 'OPT_OUT'],
    ['Não quero mais', 'OPT_OUT'],
    ['no más', 'OPT_OUT'],
    ['Dar de baja', 'OPT_OUT'],
    ['STOP', 'OPT_OUT'],
    ['Unsubscribe!', 'OPT_OUT'],
    ['Voltar', 'OPT_IN'],
    ['START', 'OPT_IN'],
    ['alta', 'OPT_IN'],
  ])('%j → %s', (text, action) => {
    expect(matchConsentKeyword(text)).toMatchObject({ action, scope: 'ALL' });
  });

  it.each([
    'por favor parar de mandar promoções',
    'Quero sair do grupo amanhã',
    'stop sending me stuff please',
    'não',
    'sim',
    'yes',
    'PARARAM',
    '',
  ])('ignores %j (never inside a sentence)', (text) => {
    expect(matchConsentKeyword(text)).toBeNull();
  });

  it('has no word that is both opt-in and opt-out in any locale', () => {
    for (const locale of KEYWORD_LOCALES) {
      const set = buildKeywordSet({ locales: [locale] });
      for (const word of set.optIn) expect(set.optOut.has(word)).toBe(false);
    }
    expect(DEFAULT_CONSENT_KEYWORDS['pt-BR'].optOut).toContain('PARAR');
  });
});

describe('tenant overrides', () => {
  it('replaces the lists and scope it names, keeps the rest', () => {
    const set = buildKeywordSet({ optOut: ['Chega'], scope: 'MARKETING' });
    expect(matchConsentKeyword('chega!', set)).toEqual({ action: 'OPT_OUT', scope: 'MARKETING', keyword: 'CHEGA' });
    expect(matchConsentKeyword('PARAR', set)).toBeNull();
    expect(matchConsentKeyword('VOLTAR', set)).toMatchObject({ action: 'OPT_IN', scope: 'MARKETING' });
  });

  it('limits defaults to chosen locales and drops empty words', () => {
    const english = buildKeywordSet({ locales: ['en'], optIn: ['', '!!'] });
    expect(matchConsentKeyword('PARAR', english)).toBeNull();
    expect(matchConsentKeyword('STOP', english)).not.toBeNull();
    expect(english.optIn.size).toBe(0);
  });

  it('counts a word in both lists as an opt-out', () => {
    expect(matchConsentKeyword('x', buildKeywordSet({ optOut: ['X'], optIn: ['X'] }))?.action).toBe('OPT_OUT');
  });
});

describe('keywordConsentRecord', () => {
  it('keeps the message as proof', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const match = matchConsentKeyword('Parar!');
    expect(match && keywordConsentRecord(match, { text: 'Parar!', at })).toEqual({
      action: 'OPT_OUT', scope: 'ALL', source: 'INBOUND_KEYWORD', proof: { text: 'Parar!' }, actor: 'contact', at,
    });
  });
});
