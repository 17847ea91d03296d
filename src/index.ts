/** The library entry point of distillwatch. */
export * from './baselines/index.js';
export * from './cluster/index.js';
export * from './core/index.js';
export * from './detectors/index.js';
export * from './enrich/index.js';
export * from './eval/index.js';
export * from './fingerprint/index.js';
export * from './link/index.js';
export * from './pipeline/index.js';
export * from './residency/index.js';
export * from './score/index.js';
export * from './server/index.js';
export * from './sim/index.js';
export * from './sources/litellm/index.js';
export * from './sources/ndjson/index.js';
export * from './sources/otlp/index.js';
export * from './store/index.js';
