export * from './errors';
export * from './readConfig';
export * from './createLogger';
export * from './createMetrics';
export * from './server';
export * from './cache';
export * from './upstream';
export * from './loaders';
