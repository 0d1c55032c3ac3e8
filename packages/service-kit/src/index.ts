export { ConfigError, loadConfig } from './config';
export { envInteger, envList, envLogLevel, envOptionalInteger, hostPort } from './config-fields';
export { createLogger, type Logger, type LoggerOptions, type LogLevel } from './logger';
export { createMetricsRegistry } from './metrics';
export { serveOperationalRoute, type OperationalRoutes } from './operational-routes';
export { stopOnSignals } from './shutdown';
