export const ping = (): string => "pong";
export * from './templates';
