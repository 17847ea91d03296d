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
  {
    version: 2,
    description:
      'exchanges as rows (id, time, account, place) plus deflated blocks of their JSON text; idempotency in memory',
    sql: `
      CREATE TABLE exchange_blocks (block BIGINT NOT NULL, encoding VARCHAR NOT NULL, data BLOB NOT NULL);
      CREATE TABLE exchange_rows (seq BIGINT NOT NULL, id VARCHAR NOT NULL, ts BIGINT NOT NULL, account VARCHAR NOT NULL, block BIGINT NOT NULL, pos INTEGER NOT NULL);
      INSERT INTO exchange_blocks SELECT seq, 'json', encode(record) FROM exchanges;
      INSERT INTO exchange_rows SELECT seq, id, ts, account, seq, 0 FROM exchanges;
      DROP TABLE exchanges;
    `,
  },
];
