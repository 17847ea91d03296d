export * from './errors.js';
export * from './net.js';
export * from './random.js';
export * from './schema.js';
export * from './summary.js';
export * from './summary-wire.js';
export * from './time.js';
export type * from './types.js';
