export * from './conversation.model';
export * from './conversation.transitions';
