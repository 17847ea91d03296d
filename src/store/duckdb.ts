/**
 * The embedded default `Store`: one DuckDB file through the official `@duckdb/node-api`, no server.
 *
 * Records are kept as JSON text beside the columns the store itself queries (id, event time,
 * account, ingest sequence). Appends use group commit: concurrent callers' batches are merged
 * into one transaction (appender into a staging table, then `INSERT ... ON CONFLICT DO NOTHING
 * RETURNING`), because each commit costs a WAL sync; a caller's promise resolves after COMMIT.
 * One connection, every statement serialised through one queue: DuckDB runs one writer anyway.
 */

import { setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  blobValue,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBValue,
  listValue,
} from '@duckdb/node-api';
import { OperatorError } from '../core/errors.js';
import type { AccountEvent, AccountSummary, Exchange } from '../core/types.js';
import { MIGRATIONS } from './migrations.js';
import {
  type AuditEntry,
  accountEventKey,
  type CampaignHistoryEntry,
  type DeliveryRecord,
  type OverrideRecord,
  type ReviewRecord,
  type Store,
  type StoredCampaign,
  type WebhookRecord,
} from './types.js';

/** Options of the embedded store. */
export interface DuckDbStoreOptions {
  /** Most rows merged into one group commit (default 50,000). */
  maxGroupRows?: number;
  /** DuckDB threads (default: DuckDB's own choice). */
  threads?: number;
  /** DuckDB memory limit, e.g. '2GB'. */
  memoryLimit?: string;
}

type RecordTable = 'exchanges' | 'account_events';

interface Row {
  key: string;
  ts: number;
  account: string;
  /** The record, serialised as JSON while appending. */
  value: unknown;
}

interface PendingWrite {
  table: RecordTable;
  rows: Row[];
  resolve: (fresh: Set<number>) => void;
  reject: (error: unknown) => void;
}

/** Opens (creating and migrating when needed) the DuckDB store at `path`. */
export async function openDuckDbStore(path: string, options: DuckDbStoreOptions = {}): Promise<Store> {
  const config: Record<string, string> = {};
  if (options.threads) config.threads = String(options.threads);
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, config);
  } catch (error) {
    throw new OperatorError('store', `cannot open the store ${path}: ${(error as Error).message}`);
  }
  const connection = await instance.connect();
  const store = new DuckDbStore(instance, connection, options.maxGroupRows ?? 50_000);
  await store.init();
  return store;
}

class DuckDbStore implements Store {
  readonly kind = 'duckdb';
  private chain: Promise<unknown> = Promise.resolve();
  private pending: PendingWrite[] = [];
  private writing = false;
  private seq = { exchanges: 0, account_events: 0 };
  private counters = { history: 0, reviews: 0, deliveries: 0, audit: 0 };
  private closed = false;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
    private readonly maxGroupRows: number,
  ) {}

  /** Applies pending migrations and loads the sequence counters. */
  async init(): Promise<void> {
    await this.db.run(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const applied = await this.value<number>('SELECT coalesce(max(version), 0)::INTEGER FROM schema_version');
    const known = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
    if (applied > known) {
      throw new OperatorError(
        'store',
        `the store's schema version ${applied} is newer than this program's (${known})`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= applied) continue;
      await this.db.run('BEGIN');
      try {
        await this.db.run(migration.sql);
        await this.db.run('INSERT INTO schema_version VALUES (?, ?)', [migration.version, Date.now()]);
        await this.db.run('COMMIT');
      } catch (error) {
        await this.db.run('ROLLBACK');
        throw new OperatorError(
          'store',
          `schema migration ${migration.version} failed: ${(error as Error).message}`,
        );
      }
    }
    await this.db.run(
      'CREATE TEMP TABLE staging_exchanges (seq BIGINT, key VARCHAR, ts BIGINT, account VARCHAR, record VARCHAR)',
    );
    await this.db.run(
      'CREATE TEMP TABLE staging_account_events (seq BIGINT, key VARCHAR, ts BIGINT, account VARCHAR, record VARCHAR)',
    );
    this.seq.exchanges = await this.value<number>('SELECT coalesce(max(seq), 0)::DOUBLE FROM exchanges');
    this.seq.account_events = await this.value<number>(
      'SELECT coalesce(max(seq), 0)::DOUBLE FROM account_events',
    );
    this.counters.history = await this.value<number>(
      'SELECT coalesce(max(n), 0)::DOUBLE FROM campaign_history',
    );
    this.counters.reviews = await this.value<number>('SELECT coalesce(max(n), 0)::DOUBLE FROM reviews');
    this.counters.deliveries = await this.value<number>('SELECT coalesce(max(n), 0)::DOUBLE FROM deliveries');
    this.counters.audit = await this.value<number>('SELECT coalesce(max(n), 0)::DOUBLE FROM audit_log');
  }

  /** Runs `work` after every earlier statement: one statement sequence at a time on the connection. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new OperatorError('store', 'the store is closed'));
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async value<T>(sql: string, params: DuckDBValue[] = []): Promise<T> {
    const reader = await this.db.runAndReadAll(sql, params);
    return reader.getRowsJS()[0]?.[0] as T;
  }

  private async column(sql: string, params: DuckDBValue[] = []): Promise<string[]> {
    const reader = await this.db.runAndReadAll(sql, params);
    return reader.getRowsJS().map((row) => row[0] as string);
  }

  private query<T>(sql: string, params: DuckDBValue[] = []): Promise<T[]> {
    return this.serial(async () => (await this.column(sql, params)).map((text) => JSON.parse(text) as T));
  }

  private exec(sql: string, params: DuckDBValue[] = []): Promise<void> {
    return this.serial(async () => {
      await this.db.run(sql, params);
    });
  }

  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.db.run('BEGIN');
    try {
      const result = await work();
      await this.db.run('COMMIT');
      return result;
    } catch (error) {
      await this.db.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Queues rows for the next group commit; resolves with the indexes of rows that were new. */
  private write(table: RecordTable, rows: Row[]): Promise<Set<number>> {
    if (this.closed) return Promise.reject(new OperatorError('store', 'the store is closed'));
    if (rows.length === 0) return Promise.resolve(new Set());
    return new Promise((resolve, reject) => {
      this.pending.push({ table, rows, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const group: PendingWrite[] = [];
        let rows = 0;
        while (
          this.pending.length > 0 &&
          (group.length === 0 || rows + this.pending[0].rows.length <= this.maxGroupRows)
        ) {
          const next = this.pending.shift()!;
          group.push(next);
          rows += next.rows.length;
        }
        try {
          const fresh = await this.serial(() => this.commitGroup(group));
          for (const [index, write] of group.entries()) write.resolve(fresh[index]);
        } catch (error) {
          const failure =
            error instanceof OperatorError
              ? error
              : new OperatorError('store', `write failed: ${(error as Error).message}`);
          for (const write of group) write.reject(failure);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** Writes one group in one transaction; returns, per write, the indexes of its rows that were new. */
  private async commitGroup(group: PendingWrite[]): Promise<Set<number>[]> {
    const result = group.map(() => new Set<number>());
    const owner = new Map<number, [number, number]>();
    for (const table of ['exchanges', 'account_events'] as const) {
      const seen = new Set<string>();
      const appender = await this.db.createAppender(`staging_${table}`, 'main', 'temp');
      let staged = 0;
      for (const [writeIndex, write] of group.entries()) {
        if (write.table !== table) continue;
        for (const [rowIndex, row] of write.rows.entries()) {
          if (seen.has(row.key)) continue;
          seen.add(row.key);
          const seq = ++this.seq[table];
          owner.set(seq, [writeIndex, rowIndex]);
          appender.appendDouble(seq);
          appender.appendVarchar(row.key);
          appender.appendDouble(row.ts);
          appender.appendVarchar(row.account);
          appender.appendVarchar(JSON.stringify(row.value));
          appender.endRow();
          // Let the event loop breathe between slices (inline lookups wait behind nothing long).
          if (++staged % 1024 === 0) await yieldToLoop();
        }
      }
      appender.flushSync();
      appender.closeSync();
      if (staged === 0) continue;
      const keyColumn = table === 'exchanges' ? 'id' : 'key';
      const insert = `INSERT INTO ${table} (seq, ${keyColumn}, ts, account, record) SELECT seq, key, ts, account, record FROM temp.main.staging_${table}`;
      try {
        // Fast path: no row is stored yet (the usual case), so a plain INSERT succeeds and every
        // staged row is new. A key already stored makes it fail whole; then the slow path asks
        // DuckDB which rows it actually inserted.
        let plain = true;
        try {
          await this.transaction(() => this.db.run(insert));
        } catch {
          plain = false;
        }
        if (plain) {
          for (const [writeIndex, rowIndex] of owner.values()) result[writeIndex].add(rowIndex);
        } else {
          await this.transaction(async () => {
            const reader = await this.db.runAndReadAll(
              `${insert} ON CONFLICT DO NOTHING RETURNING seq::DOUBLE`,
            );
            for (const [seq] of reader.getRowsJS()) {
              const [writeIndex, rowIndex] = owner.get(seq as number)!;
              result[writeIndex].add(rowIndex);
            }
          });
        }
      } finally {
        await this.db.run(`DELETE FROM temp.main.staging_${table}`);
      }
      owner.clear();
    }
    return result;
  }

  async appendExchanges(batch: readonly Exchange[]): Promise<Exchange[]> {
    const rows = batch.map((exchange) => ({
      key: exchange.id,
      ts: exchange.ts,
      account: exchange.account,
      value: exchange,
    }));
    const fresh = await this.write('exchanges', rows);
    return batch.filter((_, index) => fresh.has(index));
  }

  async appendAccountEvents(batch: readonly AccountEvent[]): Promise<AccountEvent[]> {
    const rows = batch.map((event) => ({
      key: accountEventKey(event),
      ts: event.ts,
      account: event.account,
      value: event,
    }));
    const fresh = await this.write('account_events', rows);
    return batch.filter((_, index) => fresh.has(index));
  }

  async replay<K extends 'exchanges' | 'accountEvents'>(
    kind: K,
    onBatch: (batch: K extends 'exchanges' ? Exchange[] : AccountEvent[]) => void | Promise<void>,
    batchSize = 10_000,
  ): Promise<number> {
    const table = kind === 'exchanges' ? 'exchanges' : 'account_events';
    const last = await this.serial(() =>
      this.value<number>(`SELECT coalesce(max(seq), 0)::DOUBLE FROM ${table}`),
    );
    let after = 0;
    let total = 0;
    for (;;) {
      const rows = await this.serial(async () => {
        const reader = await this.db.runAndReadAll(
          `SELECT seq::DOUBLE, record FROM ${table} WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
          [after, last, batchSize],
        );
        return reader.getRowsJS() as [number, string][];
      });
      if (rows.length === 0) return total;
      after = rows[rows.length - 1][0];
      total += rows.length;
      await onBatch(rows.map(([, record]) => JSON.parse(record)) as never);
    }
  }

  counts() {
    return this.serial(async () => ({
      exchanges: await this.value<number>('SELECT count(*)::DOUBLE FROM exchanges'),
      accountEvents: await this.value<number>('SELECT count(*)::DOUBLE FROM account_events'),
    }));
  }

  pruneExchanges(before: number): Promise<number> {
    return this.serial(async () => {
      const reader = await this.db.runAndReadAll('DELETE FROM exchanges WHERE ts < ? RETURNING 1', [before]);
      return reader.currentRowCount;
    });
  }

  activity(accounts: readonly string[], bucketMs: number): Promise<{ ts: number; count: number }[]> {
    if (accounts.length === 0) return Promise.resolve([]);
    return this.serial(async () => {
      const bucket = Math.max(1, Math.floor(bucketMs));
      const reader = await this.db.runAndReadAll(
        `SELECT (ts // ${bucket}) * ${bucket} AS bucket, count(*) FROM exchanges WHERE account IN (SELECT unnest(?::VARCHAR[])) GROUP BY bucket ORDER BY bucket`,
        [listValue(accounts.map(String))],
      );
      return reader.getRowsJS().map(([ts, count]) => ({ ts: Number(ts), count: Number(count) }));
    });
  }

  putSummaries(summaries: readonly AccountSummary[]): Promise<void> {
    return this.serial(() =>
      this.transaction(async () => {
        for (const summary of summaries) {
          await this.db.run('INSERT OR REPLACE INTO summaries VALUES (?, ?)', [
            summary.account,
            JSON.stringify(summary),
          ]);
        }
      }),
    );
  }

  async getSummary(account: string): Promise<AccountSummary | null> {
    return (
      (await this.query<AccountSummary>('SELECT summary FROM summaries WHERE account = ?', [account]))[0] ??
      null
    );
  }

  putSnapshot(name: string, data: Uint8Array): Promise<void> {
    return this.exec('INSERT OR REPLACE INTO snapshots VALUES (?, ?)', [name, blobValue(data)]);
  }

  getSnapshot(name: string): Promise<Uint8Array | null> {
    return this.serial(async () => {
      const reader = await this.db.runAndReadAll('SELECT data FROM snapshots WHERE name = ?', [name]);
      const row = reader.getRows()[0];
      return row ? new Uint8Array((row[0] as { bytes: Uint8Array }).bytes) : null;
    });
  }

  putCampaign(campaign: StoredCampaign['campaign'], entry?: CampaignHistoryEntry): Promise<void> {
    return this.serial(() =>
      this.transaction(async () => {
        await this.db.run('INSERT OR REPLACE INTO campaigns VALUES (?, ?)', [
          campaign.id,
          JSON.stringify(campaign),
        ]);
        if (entry) {
          await this.db.run('INSERT INTO campaign_history VALUES (?, ?, ?)', [
            campaign.id,
            ++this.counters.history,
            JSON.stringify(entry),
          ]);
        }
      }),
    );
  }

  async getCampaign(id: string): Promise<StoredCampaign | null> {
    return this.serial(async () => {
      const [campaign] = await this.column('SELECT campaign FROM campaigns WHERE id = ?', [id]);
      if (campaign === undefined) return null;
      const history = await this.column('SELECT entry FROM campaign_history WHERE id = ? ORDER BY n', [id]);
      return { campaign: JSON.parse(campaign), history: history.map((text) => JSON.parse(text)) };
    });
  }

  listCampaigns(): Promise<StoredCampaign[]> {
    return this.serial(async () => {
      const campaigns = await this.column('SELECT campaign FROM campaigns ORDER BY id');
      const reader = await this.db.runAndReadAll('SELECT id, entry FROM campaign_history ORDER BY n');
      const history = new Map<string, CampaignHistoryEntry[]>();
      for (const [id, entry] of reader.getRowsJS() as [string, string][]) {
        const list = history.get(id) ?? [];
        list.push(JSON.parse(entry));
        history.set(id, list);
      }
      return campaigns.map((text) => {
        const campaign = JSON.parse(text) as StoredCampaign['campaign'];
        return { campaign, history: history.get(campaign.id) ?? [] };
      });
    });
  }

  addReview(review: ReviewRecord): Promise<void> {
    return this.serial(async () => {
      await this.db.run('INSERT INTO reviews VALUES (?, ?)', [
        ++this.counters.reviews,
        JSON.stringify(review),
      ]);
    });
  }

  listReviews(): Promise<ReviewRecord[]> {
    return this.query('SELECT record FROM reviews ORDER BY n');
  }

  setOverride(override: OverrideRecord): Promise<void> {
    return this.exec('INSERT OR REPLACE INTO overrides VALUES (?, ?)', [
      override.account,
      JSON.stringify(override),
    ]);
  }

  clearOverride(account: string): Promise<boolean> {
    return this.serial(async () => {
      const reader = await this.db.runAndReadAll('DELETE FROM overrides WHERE account = ? RETURNING 1', [
        account,
      ]);
      return reader.currentRowCount > 0;
    });
  }

  listOverrides(): Promise<OverrideRecord[]> {
    return this.query('SELECT record FROM overrides ORDER BY account');
  }

  addWebhook(webhook: WebhookRecord): Promise<void> {
    return this.exec('INSERT INTO webhooks VALUES (?, ?, ?)', [
      webhook.id,
      webhook.createdAt,
      JSON.stringify(webhook),
    ]);
  }

  listWebhooks(): Promise<WebhookRecord[]> {
    return this.query('SELECT record FROM webhooks ORDER BY created_at, id');
  }

  removeWebhook(id: string): Promise<boolean> {
    return this.serial(async () => {
      const reader = await this.db.runAndReadAll('DELETE FROM webhooks WHERE id = ? RETURNING 1', [id]);
      return reader.currentRowCount > 0;
    });
  }

  putDelivery(delivery: DeliveryRecord): Promise<void> {
    return this.serial(async () => {
      const existing = await this.value<number | undefined>('SELECT n::DOUBLE FROM deliveries WHERE id = ?', [
        delivery.id,
      ]);
      await this.db.run('INSERT OR REPLACE INTO deliveries VALUES (?, ?, ?, ?, ?)', [
        delivery.id,
        existing ?? ++this.counters.deliveries,
        delivery.state,
        delivery.nextAttemptAt,
        JSON.stringify(delivery),
      ]);
    });
  }

  dueDeliveries(now: number, limit = 100): Promise<DeliveryRecord[]> {
    return this.query(
      "SELECT record FROM deliveries WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
      [now, limit],
    );
  }

  listDeliveries(): Promise<DeliveryRecord[]> {
    return this.query('SELECT record FROM deliveries ORDER BY n');
  }

  audit(entry: AuditEntry): Promise<void> {
    return this.serial(async () => {
      await this.db.run('INSERT INTO audit_log VALUES (?, ?)', [
        ++this.counters.audit,
        JSON.stringify(entry),
      ]);
    });
  }

  listAudit(limit = 100): Promise<AuditEntry[]> {
    return this.query('SELECT record FROM audit_log ORDER BY n DESC LIMIT ?', [limit]);
  }

  async getMeta(key: string): Promise<string | null> {
    return this.serial(
      async () => (await this.column('SELECT value FROM meta WHERE key = ?', [key]))[0] ?? null,
    );
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.exec('INSERT OR REPLACE INTO meta VALUES (?, ?)', [key, value]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.writing || this.pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.serial(async () => {
      await this.db.run('CHECKPOINT');
    });
    await this.chain;
    this.closed = true;
    this.db.closeSync();
    this.instance.closeSync();
  }
}
