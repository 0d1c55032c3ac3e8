export * from './consent.model';
export * from './consent-ledger';
export * from './consent-keywords.data';
export * from './consent-keyword.rule';
export * from './meta-consent-signals';
