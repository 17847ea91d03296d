/**
 * Versioned schema of the embedded DuckDB store. A migration is applied once, in order, inside a
 * transaction, and recorded in `schema_version`; never edit a released migration, append a new one.
 */

/** One schema step. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** Every migration, by version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'records, summaries, campaigns, reviews, overrides, webhooks, audit log',
    sql: `
      CREATE TABLE exchanges (seq BIGINT NOT NULL, id VARCHAR PRIMARY KEY, ts BIGINT NOT NULL, account VARCHAR NOT NULL, record VARCHAR NOT NULL);
      CREATE TABLE account_events (seq BIGINT NOT NULL, key VARCHAR PRIMARY KEY, ts BIGINT NOT NULL, account VARCHAR NOT NULL, record VARCHAR NOT NULL);
      CREATE TABLE summaries (account VARCHAR PRIMARY KEY, summary VARCHAR NOT NULL);
      CREATE TABLE snapshots (name VARCHAR PRIMARY KEY, data BLOB NOT NULL);
      CREATE TABLE campaigns (id VARCHAR PRIMARY KEY, campaign VARCHAR NOT NULL);
      CREATE TABLE campaign_history (id VARCHAR NOT NULL, n BIGINT NOT NULL, entry VARCHAR NOT NULL);
      CREATE TABLE reviews (n BIGINT NOT NULL, record VARCHAR NOT NULL);
      CREATE TABLE overrides (account VARCHAR PRIMARY KEY, record VARCHAR NOT NULL);
      CREATE TABLE webhooks (id VARCHAR PRIMARY KEY, created_at BIGINT NOT NULL, record VARCHAR NOT NULL);
      CREATE TABLE deliveries (id VARCHAR PRIMARY KEY, n BIGINT NOT NULL, state VARCHAR NOT NULL, next_attempt_at BIGINT NOT NULL, record VARCHAR NOT NULL);
      CREATE TABLE audit_log (n BIGINT NOT NULL, record VARCHAR NOT NULL);
      CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
    `,
  },
];
