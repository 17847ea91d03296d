export * from './duckdb.js';
export * from './id-set.js';
export * from './memory.js';
export * from './migrations.js';
export * from './priority.js';
export * from './threaded.js';
export * from './types.js';
