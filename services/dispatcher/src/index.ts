export { createDispatcher, type Dispatcher, type DispatcherOptions, type DispatcherSettings } from './dispatcher';
export { loadDispatcherConfig, type DispatcherConfig } from './config';
export { createProjector, type Projector, type ProjectorOptions } from './projector';
