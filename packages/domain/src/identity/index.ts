export * from './phone-number';
export * from './contact-identity';
export * from './nanp.data';
export * from './us-number.rule';
