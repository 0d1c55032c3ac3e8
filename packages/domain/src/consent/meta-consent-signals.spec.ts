import { validateConsentRecord } from './consent-ledger';
import { consentFromUserPreference, marketingOptOutFromDeliveryError } from './meta-consent-signals';

const at = new Date('2026-02-01T00:00:00Z');

describe('Meta consent signals', () => {
  it('131050 records a valid marketing opt-out', () => {
    const record = marketingOptOutFromDeliveryError(at, 'Recipient stopped marketing');
    expect(record).toMatchObject({ action: 'OPT_OUT', scope: 'MARKETING', source: 'META_DELIVERY_ERROR', actor: 'meta', at });
    expect(validateConsentRecord(record)).toEqual([]);
  });

  it.each([
    ['stop', 'OPT_OUT'],
    ['resume', 'OPT_IN'],
  ] as const)('user_preferences %s → %s', (value, action) => {
    const record = consentFromUserPreference(value, at, 'User requested');
    expect(record).toMatchObject({ action, scope: 'MARKETING', source: 'META_USER_PREFERENCES' });
    expect(validateConsentRecord(record)).toEqual([]);
  });
});
