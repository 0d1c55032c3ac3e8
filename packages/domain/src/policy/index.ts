export * from './reason-codes';
export * from './tenant-policy.model';
export * from './decision.model';
export { effectiveCategory } from './decision-context';
export { consentVerdict, type ConsentVerdict } from './consent-verdict';
export { templateStatusCode } from './template.check';
export { contactTimeZone } from './market.check';
export { reEngagementSuggestion } from './reengagement-suggestion';
export { decide } from './decide';
