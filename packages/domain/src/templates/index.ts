export * from './template.model';
export * from './send-parameters.model';
export * from './parameter-violation.model';
export * from './check-send-parameters.rule';
