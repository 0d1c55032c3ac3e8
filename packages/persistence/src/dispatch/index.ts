export * from './scheduled-send.repository';
export * from './throughput-bucket.repository';
export * from './send-transitions';
export * from './messaging-limit.query';
export * from './follow-up.repository';
export * from './tenant-lookup';
