export * from './meta-error.model';
export * from './meta-error.table';
export * from './meta-error.classify';
