/**
 * The embedded default `Store`: one DuckDB file through the official `@duckdb/node-api`, no server.
 *
 * Exchanges, the bulk of what is stored, are kept in two tables: `exchange_rows` (one row per
 * exchange: sequence number, id, event time, account, and where its text is) and
 * `exchange_blocks` (the JSON texts of one append, as received, compressed into one BLOB, `blocks.ts`). Long
 * strings are what makes a DuckDB append slow (measured: 125k exchanges of 800 bytes each append
 * at ~25k/s as VARCHAR rows, and at over 300k/s without them), and JSON compresses about 5:1.
 * Idempotency by exchange id is an in-memory hash set (`id-set.ts`, loaded at open) instead of a
 * primary key, whose index made every insert slower as the table grew; an id the set may have
 * seen is confirmed against the table before it is called a duplicate.
 *
 * Appends use group commit: concurrent callers' batches are merged into one transaction, because
 * each commit costs a WAL sync; a caller's promise resolves after COMMIT. One connection, every
 * statement serialised through one queue: DuckDB runs one writer anyway. Bulk work on the event
 * loop (staging rows) is paced (`pace.ts`) so inline requests never wait behind a whole group.
 */

import {
  blobValue,
  type DuckDBBlobValue,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBPreparedStatement,
  type DuckDBValue,
  listValue,
} from '@duckdb/node-api';
import { OperatorError } from '../core/errors.js';
import type { AccountEvent, AccountSummary, Exchange } from '../core/types.js';
import { type PackedLines, packLines, unpackBlock } from './blocks.js';
import { createIdSet, type IdSet } from './id-set.js';
import { MIGRATIONS } from './migrations.js';
import { pace } from './pace.js';
import { storedExchange } from './stored.js';
import {
  type Appended,
  type AppendedRows,
  type AuditEntry,
  accountEventKey,
  type CampaignHistoryEntry,
  columnsOf,
  type DeliveryRecord,
  type ExchangeColumns,
  type OverrideRecord,
  type ReviewRecord,
  type Store,
  type StoredCampaign,
  type StoreReplayOptions,
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

/**
 * Rows of one append as columns: key (exchange id or event key), time, account, and the JSON
 * texts: one string per account event; for exchanges, the newline-joined UTF-8 texts or their
 * packed form (kept whole as the append's block).
 */
interface Rows {
  keys: string[];
  ts: number[];
  accounts: string[];
  texts?: string[];
  lines?: Uint8Array;
  packed?: PackedLines;
}

interface PendingWrite {
  table: RecordTable;
  rows: Rows;
  resolve: (result: { fresh: Set<number>; seq: number }) => void;
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
  private block = 0;
  private ids: IdSet = createIdSet();
  private insertBlock: DuckDBPreparedStatement | null = null;
  private counters = { history: 0, reviews: 0, deliveries: 0, audit: 0 };
  private closed = false;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
    private readonly maxGroupRows: number,
  ) {}

  /** Applies pending migrations, loads the sequence counters and the stored exchange ids. */
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
      'CREATE TEMP TABLE staging_account_events (seq BIGINT, key VARCHAR, ts BIGINT, account VARCHAR, record VARCHAR)',
    );
    this.seq.exchanges = await this.value<number>('SELECT coalesce(max(seq), 0)::DOUBLE FROM exchange_rows');
    this.seq.account_events = await this.value<number>(
      'SELECT coalesce(max(seq), 0)::DOUBLE FROM account_events',
    );
    this.block = await this.value<number>('SELECT coalesce(max(block), 0)::DOUBLE FROM exchange_blocks');
    this.counters.history = await this.value<number>(
      'SELECT coalesce(max(n), 0)::DOUBLE FROM campaign_history',
    );
    this.counters.reviews = await this.value<number>('SELECT coalesce(max(n), 0)::DOUBLE FROM reviews');
    this.counters.deliveries = await this.value<number>('SELECT coalesce(max(n), 0)::DOUBLE FROM deliveries');
    this.counters.audit = await this.value<number>('SELECT coalesce(max(n), 0)::DOUBLE FROM audit_log');
    const count = await this.value<number>('SELECT count(*)::DOUBLE FROM exchange_rows');
    let slots = 1 << 16;
    while (slots < count * 2) slots *= 2;
    this.ids = createIdSet(slots);
    const result = await this.db.stream('SELECT id FROM exchange_rows');
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      for (const id of chunk.getColumnValues(0)) this.ids.add(id as string);
    }
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
  private write(table: RecordTable, rows: Rows): Promise<{ fresh: Set<number>; seq: number }> {
    if (this.closed) return Promise.reject(new OperatorError('store', 'the store is closed'));
    if (rows.keys.length === 0) return Promise.resolve({ fresh: new Set(), seq: this.seq[table] });
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
        const table = this.pending[0].table;
        while (
          this.pending.length > 0 &&
          this.pending[0].table === table &&
          (group.length === 0 || rows + this.pending[0].rows.keys.length <= this.maxGroupRows)
        ) {
          const next = this.pending.shift()!;
          group.push(next);
          rows += next.rows.keys.length;
        }
        try {
          const results = await this.serial(() =>
            table === 'exchanges' ? this.commitExchanges(group) : this.commitEvents(group),
          );
          for (const [index, write] of group.entries()) write.resolve(results[index]);
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

  /** Ids among `candidates` already in `exchange_rows` (the id set said "maybe"). */
  private async storedIds(candidates: string[]): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    const reader = await this.db.runAndReadAll(
      'SELECT id FROM exchange_rows WHERE id IN (SELECT unnest(?::VARCHAR[]))',
      [listValue(candidates)],
    );
    return new Set(reader.getRowsJS().map((row) => row[0] as string));
  }

  /** Writes one group of exchange appends in one transaction: rows, and one packed block per append. */
  private async commitExchanges(group: PendingWrite[]): Promise<{ fresh: Set<number>; seq: number }[]> {
    const candidates: string[] = [];
    for (const write of group) for (const key of write.rows.keys) if (this.ids.has(key)) candidates.push(key);
    const stored = await this.storedIds(candidates);
    const seen = new Set<string>();
    const fresh = group.map((write) => {
      const indexes: number[] = [];
      for (let i = 0; i < write.rows.keys.length; i++) {
        const key = write.rows.keys[i];
        if (seen.has(key) || stored.has(key)) continue;
        seen.add(key);
        indexes.push(i);
      }
      return indexes;
    });
    // Each append's texts are kept whole as one block (rows point at their position in it; the
    // texts of duplicates stay unreferenced): the caller's packed block when it made one (the
    // parse worker does), else compressed on libuv's thread pool, off the event loop.
    const blocks = await Promise.all(
      group.map((write, k) =>
        fresh[k].length === 0 ? null : (write.rows.packed ?? packLines(write.rows.lines!)),
      ),
    );
    const seqBefore = this.seq.exchanges;
    const blockBefore = this.block;
    const results: { fresh: Set<number>; seq: number }[] = [];
    try {
      await this.transaction(async () => {
        const rows = await this.db.createAppender('exchange_rows');
        const blockRows: DuckDBValue[][] = [];
        let staged = 0;
        try {
          for (const [k, write] of group.entries()) {
            const data = blocks[k];
            if (data === null) {
              results.push({ fresh: new Set(), seq: this.seq.exchanges });
              continue;
            }
            const block = ++this.block;
            blockRows.push([block, data.encoding, blobValue(data.data)]);
            for (const i of fresh[k]) {
              rows.appendDouble(++this.seq.exchanges);
              rows.appendVarchar(write.rows.keys[i]);
              rows.appendDouble(write.rows.ts[i]);
              rows.appendVarchar(write.rows.accounts[i]);
              rows.appendDouble(block);
              rows.appendInteger(i);
              rows.endRow();
              // Hand rows to DuckDB in chunks: one flush of a whole group holds the thread.
              if (++staged % 2048 === 0) rows.flushSync();
              const wait = pace();
              if (wait) await wait;
            }
            results.push({ fresh: new Set(fresh[k]), seq: this.seq.exchanges });
          }
          rows.flushSync();
        } finally {
          rows.closeSync();
        }
        // The texts are BLOBs of ~100 KB each: inserted by statements that run off the event loop
        // (an appender flush of them would write on this thread).
        this.insertBlock ??= await this.db.prepare('INSERT INTO exchange_blocks VALUES ($1, $2, $3)');
        for (const values of blockRows) {
          this.insertBlock.bind(values);
          await this.insertBlock.run();
        }
      });
    } catch (error) {
      this.seq.exchanges = seqBefore;
      this.block = blockBefore;
      throw error;
    }
    for (const key of seen) this.ids.add(key);
    return results;
  }

  /** Writes one group of account-event appends in one transaction (staged, then inserted by key). */
  private async commitEvents(group: PendingWrite[]): Promise<{ fresh: Set<number>; seq: number }[]> {
    const result = group.map(() => new Set<number>());
    const owner = new Map<number, [number, number]>();
    const seen = new Set<string>();
    const appender = await this.db.createAppender('staging_account_events', 'main', 'temp');
    let staged = 0;
    for (const [writeIndex, write] of group.entries()) {
      for (let rowIndex = 0; rowIndex < write.rows.keys.length; rowIndex++) {
        const key = write.rows.keys[rowIndex];
        if (seen.has(key)) continue;
        seen.add(key);
        const seq = ++this.seq.account_events;
        owner.set(seq, [writeIndex, rowIndex]);
        appender.appendDouble(seq);
        appender.appendVarchar(key);
        appender.appendDouble(write.rows.ts[rowIndex]);
        appender.appendVarchar(write.rows.accounts[rowIndex]);
        appender.appendVarchar(write.rows.texts![rowIndex]);
        appender.endRow();
        staged++;
        const wait = pace();
        if (wait) await wait;
      }
    }
    appender.flushSync();
    appender.closeSync();
    if (staged > 0) {
      const insert =
        'INSERT INTO account_events (seq, key, ts, account, record) SELECT seq, key, ts, account, record FROM temp.main.staging_account_events';
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
        await this.db.run('DELETE FROM temp.main.staging_account_events');
      }
    }
    // Sequence numbers of rows that turned out to be stored already are simply skipped.
    return result.map((fresh) => ({ fresh, seq: this.seq.account_events }));
  }

  async appendExchanges(batch: readonly Exchange[]): Promise<Appended<Exchange>> {
    const { fresh, seq } = await this.appendExchangeColumns(columnsOf(batch));
    return { fresh: fresh.map((index) => batch[index]), seq };
  }

  async appendExchangeColumns(batch: ExchangeColumns): Promise<AppendedRows> {
    const { fresh, seq } = await this.write('exchanges', {
      keys: batch.ids,
      ts: batch.ts,
      accounts: batch.accounts,
      lines: batch.lines,
      packed: batch.packed,
    });
    return { fresh: [...fresh].sort((a, b) => a - b), seq };
  }

  async appendAccountEvents(batch: readonly AccountEvent[]): Promise<Appended<AccountEvent>> {
    const { fresh, seq } = await this.write('account_events', {
      keys: batch.map(accountEventKey),
      ts: batch.map((event) => event.ts),
      accounts: batch.map((event) => event.account),
      texts: batch.map((event) => JSON.stringify(event)),
    });
    return { fresh: batch.filter((_, index) => fresh.has(index)), seq };
  }

  async replay<K extends 'exchanges' | 'accountEvents'>(
    kind: K,
    onBatch: (
      batch: K extends 'exchanges' ? Exchange[] : AccountEvent[],
      seq: number,
    ) => void | Promise<void>,
    options: StoreReplayOptions = {},
  ): Promise<number> {
    const batchSize = options.batchSize ?? 10_000;
    const table = kind === 'exchanges' ? 'exchange_rows' : 'account_events';
    const last = await this.serial(() =>
      this.value<number>(`SELECT coalesce(max(seq), 0)::DOUBLE FROM ${table}`),
    );
    let after = options.after ?? 0;
    let total = 0;
    if (kind === 'accountEvents') {
      for (;;) {
        const rows = await this.serial(async () => {
          const reader = await this.db.runAndReadAll(
            'SELECT seq::DOUBLE, record FROM account_events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
            [after, last, batchSize],
          );
          return reader.getRowsJS() as [number, string][];
        });
        if (rows.length === 0) return total;
        after = rows[rows.length - 1][0];
        total += rows.length;
        await onBatch(rows.map(([, record]) => JSON.parse(record)) as never, after);
      }
    }
    // Exchanges: rows say which block and position; blocks are unpacked once and kept while used.
    let cached: { block: number; lines: string[] } | null = null;
    for (;;) {
      const rows = await this.serial(async () => {
        const reader = await this.db.runAndReadAll(
          'SELECT seq::DOUBLE, block::DOUBLE, pos FROM exchange_rows WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
          [after, last, batchSize],
        );
        return reader.getRowsJS() as [number, number, number][];
      });
      if (rows.length === 0) return total;
      const wanted = [...new Set(rows.map(([, block]) => block))].filter((block) => block !== cached?.block);
      const blocks = new Map<number, string[]>();
      if (cached) blocks.set(cached.block, cached.lines);
      if (wanted.length > 0) {
        const found = await this.serial(async () => {
          const reader = await this.db.runAndReadAll(
            'SELECT block::DOUBLE, encoding, data FROM exchange_blocks WHERE block IN (SELECT unnest(?::DOUBLE[]))',
            [listValue(wanted)],
          );
          return reader.getRows() as [number, string, DuckDBBlobValue][];
        });
        for (const [block, encoding, data] of found)
          blocks.set(Number(block), await unpackBlock(encoding, data.bytes));
      }
      const batch: Exchange[] = [];
      for (const [seq, block, pos] of rows) {
        const text = blocks.get(block)?.[pos];
        if (text === undefined)
          throw new OperatorError('store', `stored exchange ${seq} has no text: the store is damaged`);
        batch.push(storedExchange(text, seq));
      }
      const lastRow = rows[rows.length - 1];
      cached = { block: lastRow[1], lines: blocks.get(lastRow[1])! };
      after = lastRow[0];
      total += rows.length;
      await onBatch(batch as never, after);
    }
  }

  counts() {
    return this.serial(async () => ({
      exchanges: await this.value<number>('SELECT count(*)::DOUBLE FROM exchange_rows'),
      accountEvents: await this.value<number>('SELECT count(*)::DOUBLE FROM account_events'),
    }));
  }

  pruneExchanges(before: number): Promise<number> {
    return this.serial(async () => {
      return this.transaction(async () => {
        const reader = await this.db.runAndReadAll('DELETE FROM exchange_rows WHERE ts < ? RETURNING 1', [
          before,
        ]);
        await this.db.run(
          'DELETE FROM exchange_blocks WHERE block NOT IN (SELECT DISTINCT block FROM exchange_rows)',
        );
        return reader.currentRowCount;
      });
    });
  }

  activity(accounts: readonly string[], bucketMs: number): Promise<{ ts: number; count: number }[]> {
    if (accounts.length === 0) return Promise.resolve([]);
    return this.serial(async () => {
      const bucket = Math.max(1, Math.floor(bucketMs));
      const reader = await this.db.runAndReadAll(
        `SELECT (ts // ${bucket}) * ${bucket} AS bucket, count(*) FROM exchange_rows WHERE account IN (SELECT unnest(?::VARCHAR[])) GROUP BY bucket ORDER BY bucket`,
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
    this.insertBlock?.destroySync();
    this.db.closeSync();
    this.instance.closeSync();
  }
}
