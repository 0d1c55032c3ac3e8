import type { ConsentCategory, CurrentConsent } from '../consent';
import type { TenantPolicy } from './tenant-policy.model';

export type ConsentVerdict = 'ALLOWED' | 'OPTED_OUT' | 'STOPPED_IN_WHATSAPP' | 'MISSING';

/**
 * May a business-initiated message of `category` go? Opt-out always blocks; opt-in is
 * needed unless the tenant sends that category on another legal basis [M26] [T13].
 */
export function consentVerdict(consent: CurrentConsent, tenant: TenantPolicy, category: ConsentCategory): ConsentVerdict {
  const current = consent[category];
  switch (current.status) {
    case 'OPTED_IN':
      return 'ALLOWED';
    case 'OPTED_OUT':
      return current.source === 'META_USER_PREFERENCES' || current.source === 'META_DELIVERY_ERROR'
        ? 'STOPPED_IN_WHATSAPP'
        : 'OPTED_OUT';
    case 'UNKNOWN':
      return category !== 'MARKETING' && tenant.optInNotRequiredFor.includes(category) ? 'ALLOWED' : 'MISSING';
  }
}
