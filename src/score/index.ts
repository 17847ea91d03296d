/** The campaign engine and its parts: scoring, weights, attribution, residency facts. */
export * from './attribution.js';
export * from './calibrate.js';
export * from './config.js';
export * from './engine.js';
export * from './score.js';
export * from './weights.js';
