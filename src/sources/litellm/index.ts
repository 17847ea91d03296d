export * from './litellm.js';
