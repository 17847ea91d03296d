/** Community detection with stable cluster ids across ticks. */
export * from './cluster.js';
