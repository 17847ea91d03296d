/** The weighted account graph: linking keys, rarity weights, incremental index and edges. */
export * from './graph.js';
export * from './keys.js';
export * from './kinds.js';
export * from './template-sets.js';
