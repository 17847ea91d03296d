export * from './otlp.js';
