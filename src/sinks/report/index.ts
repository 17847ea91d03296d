/** The Markdown scan report (`report.md`). */
export * from './report.js';
