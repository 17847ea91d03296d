export type { BaselineResult } from './common.js';
export * from './network.js';
export * from './run.js';
export * from './volume.js';
