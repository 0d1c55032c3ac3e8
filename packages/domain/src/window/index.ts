export * from './window.model';
export * from './window-status';
export * from './window-transitions';
