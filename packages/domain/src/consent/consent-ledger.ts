import type {
  CategoryConsent,
  ConsentCategory,
  ConsentLedger,
  ConsentRecord,
  ConsentViolation,
  CurrentConsent,
} from './consent.model';
import { CONSENT_CATEGORIES, NO_CONSENT } from './consent.model';

export type AppendConsentResult =
  | { readonly ok: true; readonly ledger: ConsentLedger }
  | { readonly ok: false; readonly violations: readonly ConsentViolation[] };

/** Appends a record (never edits or removes one); refuses records that could not be proven. */
export function appendConsent(ledger: ConsentLedger, record: ConsentRecord): AppendConsentResult {
  const violations = validateConsentRecord(record);
  if (violations.length > 0) return { ok: false, violations };
  return { ok: true, ledger: [...ledger, record] };
}

/** Problems that make a record unusable as evidence. */
export function validateConsentRecord(record: ConsentRecord): ConsentViolation[] {
  const violations: ConsentViolation[] = [];
  if (record.actor.trim() === '') violations.push({ code: 'ACTOR_MISSING', message: 'Every record names who made it.' });
  if (Number.isNaN(record.at.getTime())) violations.push({ code: 'INVALID_TIME', message: 'The record time is not a valid date.' });
  const hasProof = (record.proof.text ?? '').trim() !== '' || (record.proof.url ?? '').trim() !== '';
  if (record.action === 'OPT_IN' && !hasProof) {
    violations.push({ code: 'PROOF_MISSING', message: 'An opt-in needs the text shown or a link to the evidence.' });
  }
  const fromMeta = record.source === 'META_USER_PREFERENCES' || record.source === 'META_DELIVERY_ERROR';
  if (fromMeta && record.scope !== 'MARKETING') {
    violations.push({ code: 'SOURCE_SCOPE_MISMATCH', message: 'Meta only reports marketing preferences.' });
  }
  const optOutOnly = record.source === 'META_DELIVERY_ERROR' || record.source === 'OPT_OUT_BUTTON';
  if (optOutOnly && record.action !== 'OPT_OUT') {
    violations.push({ code: 'SOURCE_ACTION_MISMATCH', message: `${record.source} can only record an opt-out.` });
  }
  return violations;
}

/**
 * Folds the ledger into the consent per category, in time order: the latest record for a
 * category wins, and at equal times an opt-out beats an opt-in. A later explicit opt-in
 * restores a category after an opt-out.
 */
export function foldConsent(ledger: ConsentLedger): CurrentConsent {
  const ordered = [...ledger].sort(byTimeThenOptOutLast);
  let current = NO_CONSENT;
  for (const record of ordered) current = applyRecord(current, record);
  return current;
}

function byTimeThenOptOutLast(a: ConsentRecord, b: ConsentRecord): number {
  const byTime = a.at.getTime() - b.at.getTime();
  if (byTime !== 0) return byTime;
  return actionRank(a) - actionRank(b);
}

function actionRank(record: ConsentRecord): number {
  return record.action === 'OPT_OUT' ? 1 : 0;
}

function applyRecord(current: CurrentConsent, record: ConsentRecord): CurrentConsent {
  const entry: CategoryConsent = {
    status: record.action === 'OPT_IN' ? 'OPTED_IN' : 'OPTED_OUT',
    since: record.at,
    source: record.source,
  };
  const categories: readonly ConsentCategory[] = record.scope === 'ALL' ? CONSENT_CATEGORIES : [record.scope];
  const next = { ...current };
  for (const category of categories) next[category] = entry;
  return next;
}

/** The consent for one category. */
export function consentFor(current: CurrentConsent, category: ConsentCategory): CategoryConsent {
  return current[category];
}
