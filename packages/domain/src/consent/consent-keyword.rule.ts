import type { ConsentAction, ConsentRecord, ConsentScope } from './consent.model';
import type { KeywordLocale } from './consent-keywords.data';
import { DEFAULT_CONSENT_KEYWORDS, KEYWORD_LOCALES } from './consent-keywords.data';

/** A tenant's changes to the defaults; a list given here replaces the default list. */
export interface KeywordOverride {
  readonly locales?: readonly KeywordLocale[];
  readonly optOut?: readonly string[];
  readonly optIn?: readonly string[];
  /** What a keyword opts out of (or back into); default ALL. */
  readonly scope?: ConsentScope;
}

/** Normalised keywords ready for matching. */
export interface KeywordSet {
  readonly optOut: ReadonlySet<string>;
  readonly optIn: ReadonlySet<string>;
  readonly scope: ConsentScope;
}

export interface KeywordMatch {
  readonly action: ConsentAction;
  readonly scope: ConsentScope;
  /** The normalised keyword that matched. */
  readonly keyword: string;
}

/**
 * Upper case without accents, punctuation, symbols (emoji) or format characters, with
 * whitespace collapsed: "  Não quero mais!! 🙏" → "NAO QUERO MAIS".
 */
export function normalizeKeywordText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{P}\p{S}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase();
}

/** Builds the keyword set for a tenant from the defaults and its override. */
export function buildKeywordSet(override: KeywordOverride = {}): KeywordSet {
  const locales = override.locales ?? KEYWORD_LOCALES;
  const optOut = override.optOut ?? locales.flatMap((locale) => DEFAULT_CONSENT_KEYWORDS[locale].optOut);
  const optIn = override.optIn ?? locales.flatMap((locale) => DEFAULT_CONSENT_KEYWORDS[locale].optIn);
  return {
    optOut: toNormalisedSet(optOut),
    optIn: toNormalisedSet(optIn),
    scope: override.scope ?? 'ALL',
  };
}

function toNormalisedSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(normalizeKeywordText).filter((word) => word !== ''));
}

export const DEFAULT_KEYWORD_SET: KeywordSet = buildKeywordSet();

/**
 * Recognises a consent keyword when it is the WHOLE message (never inside a sentence);
 * a word in both lists counts as an opt-out.
 */
export function matchConsentKeyword(text: string, keywords: KeywordSet = DEFAULT_KEYWORD_SET): KeywordMatch | null {
  const normalised = normalizeKeywordText(text);
  if (keywords.optOut.has(normalised)) return { action: 'OPT_OUT', scope: keywords.scope, keyword: normalised };
  if (keywords.optIn.has(normalised)) return { action: 'OPT_IN', scope: keywords.scope, keyword: normalised };
  return null;
}

/** The ledger record for a keyword the contact sent; the message itself is the proof. */
export function keywordConsentRecord(match: KeywordMatch, message: { readonly text: string; readonly at: Date }): ConsentRecord {
  return {
    action: match.action,
    scope: match.scope,
    source: 'INBOUND_KEYWORD',
    proof: { text: message.text },
    actor: 'contact',
    at: message.at,
  };
}
