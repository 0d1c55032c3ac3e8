export * from './contact.bulk';
export * from './dispatch-facts.loader';
export * from './fact-keys';
export type { ExistingCommand, RecentSendRow } from './dispatch-facts.queries';
export * from './message.bulk';
