export * from './status.model';
export * from './status-merge';
export * from './status-view';
