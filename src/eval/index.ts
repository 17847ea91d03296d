export * from './evaluate.js';
export * from './exposure.js';
export * from './labels.js';
export * from './result.js';
export * from './score.js';
