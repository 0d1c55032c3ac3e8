import type { CheckResult, DecisionContext } from './decision-context';
import { reject } from './decision-context';
import { consentVerdict } from './consent-verdict';

/** §11 step 2: templates need consent for their category; free-form replies do not. */
export function checkConsent({ facts, category }: DecisionContext): CheckResult {
  if (category === null) return null;
  const verdict = consentVerdict(facts.consent, facts.tenant, category);
  switch (verdict) {
    case 'ALLOWED':
      return null;
    case 'OPTED_OUT':
      return reject('CONSENT_OPTED_OUT', `The contact opted out of ${category} messages.`);
    case 'STOPPED_IN_WHATSAPP':
      return reject('MARKETING_STOPPED_IN_WHATSAPP', 'The contact stopped marketing messages in WhatsApp; only they can resume.');
    case 'MISSING':
      return reject('CONSENT_MISSING', `No opt-in recorded for ${category} messages.`);
  }
}
