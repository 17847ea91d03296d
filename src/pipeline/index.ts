/** The pipeline: per-event partitions, the global stage at each tick, batch replay. */
export * from './config.js';
export * from './partition.js';
export * from './pipeline.js';
export * from './replay.js';
export { partitionOf, scanLineKeys } from './route.js';
export * from './scan.js';
export { createStages, DEFAULT_STAGES_MODULE, type StageOptions } from './stages.js';
