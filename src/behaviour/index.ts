/** Per-account state: the per-event, account-partitioned half of the pipeline. */
export * from './sketch.js';
export * from './state.js';
