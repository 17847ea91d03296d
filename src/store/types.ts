/**
 * The `Store` interface: everything the live service keeps across restarts, behind one contract
 * (DESIGN.md section 3). Adapters: `createMemoryStore` (reference, tests) and `openDuckDbStore`
 * (the embedded default, one file). Every adapter passes `test-support/contract.ts`.
 *
 * Durability rule: a promise returned by an append resolves only once the records are durably
 * stored, so the HTTP layer acknowledges nothing that a crash could lose.
 */
import { createHash } from 'node:crypto';
import type { AccountEvent, AccountSummary, CampaignResult, EpochMs, Exchange } from '../core/types.js';
import type { PackedLines } from './blocks.js';

/** One entry of a campaign's history: first seen, escalated, reviewed. */
export interface CampaignHistoryEntry {
  ts: string;
  status: string;
  score: number;
  note?: string;
  actor?: string;
}

/** A campaign as stored: the latest result and its history. */
export interface StoredCampaign {
  campaign: CampaignResult;
  history: CampaignHistoryEntry[];
}

/** A reviewer's decision on a campaign. */
export interface ReviewRecord {
  campaign: string;
  action: 'confirm' | 'dismiss';
  note: string | null;
  actor: string;
  ts: EpochMs;
  /** The campaign's member accounts when reviewed (a dismissal is of this pattern). */
  accounts: string[];
}

/** A per-account decision by an analyst, overriding the computed one. */
export interface OverrideRecord {
  account: string;
  decision: 'allow' | 'review' | 'challenge' | 'block';
  note: string | null;
  actor: string;
  ts: EpochMs;
}

/** Campaign events a webhook can subscribe to. */
export type WebhookEvent = 'campaign.new' | 'campaign.escalated' | 'campaign.confirmed';

/** A registered webhook endpoint. */
export interface WebhookRecord {
  id: string;
  url: string;
  /** HMAC-SHA256 key for the signature header. */
  secret: string;
  events: WebhookEvent[];
  createdAt: EpochMs;
}

/** One delivery of one event to one webhook, retried with backoff until delivered or given up. */
export interface DeliveryRecord {
  id: string;
  webhook: string;
  event: WebhookEvent;
  /** The JSON body, exactly as signed. */
  body: string;
  attempts: number;
  nextAttemptAt: EpochMs;
  state: 'pending' | 'delivered' | 'failed';
  lastError: string | null;
}

/** One audit log entry: who did what to what. */
export interface AuditEntry {
  ts: EpochMs;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}

/** What a store holds, in counts. */
export interface StoreCounts {
  exchanges: number;
  accountEvents: number;
}

/** What an append did: the records that were new (input order) and the store's sequence number after it. */
export interface Appended<T> {
  fresh: T[];
  /** Every record of this kind with a sequence number up to `seq` is stored (ingest order). */
  seq: number;
}

/**
 * Exchanges as columns (row i of each), as the HTTP path has them: id, event time, account and
 * the record's JSON text as received. The texts travel as one UTF-8 buffer (no JSON text holds a
 * raw newline, so they are joined by newlines), never as strings: a buffer crosses threads by
 * moving, and the store keeps it whole. Replay decodes the texts again.
 */
export interface ExchangeColumns {
  ids: string[];
  ts: number[];
  accounts: string[];
  /** The texts, UTF-8, each followed by a newline but the last. */
  lines: Uint8Array;
  /** Where text i ends in `lines` (exclusive); text i starts at `ends[i - 1] + 1` (0 for the first). */
  ends: Uint32Array;
  /**
   * `lines` compressed (`packLinesSync(lines)`, `blocks.ts`), when the caller made it on another
   * thread: an adapter that compresses keeps it as is (and may then be handed no `lines` at all).
   * The store takes it: an adapter on another thread moves its data there (the caller must not
   * reuse it).
   */
  packed?: PackedLines;
}

/** The JSON text of row `index` of exchange columns. */
export function columnText(batch: ExchangeColumns, index: number): string {
  const start = index === 0 ? 0 : batch.ends[index - 1] + 1;
  return Buffer.from(batch.lines.buffer, batch.lines.byteOffset, batch.lines.byteLength).toString(
    'utf8',
    start,
    batch.ends[index],
  );
}

/** The `lines` and `ends` of exchange columns for texts given as strings. */
export function linesOf(texts: readonly string[]): Pick<ExchangeColumns, 'lines' | 'ends'> {
  const joined = Buffer.from(texts.join('\n'));
  const ends = new Uint32Array(texts.length);
  let at = -1;
  for (let i = 0; i < texts.length; i++) {
    at = joined.indexOf(0x0a, at + 1);
    ends[i] = at === -1 ? joined.length : at;
  }
  // A copy of its own (a small Buffer is a view of a shared pool, which would cross threads whole).
  return { lines: new Uint8Array(joined), ends };
}

/** What an append of columns did: the indexes of the rows that were new, and the sequence number after it. */
export interface AppendedRows {
  fresh: number[];
  seq: number;
}

/** Options of `Store.replay`. */
export interface StoreReplayOptions {
  /** Records per batch (default 10,000). */
  batchSize?: number;
  /** Only records with a sequence number above this (default 0: all). */
  after?: number;
}

/** The storage contract of the live service. */
export interface Store {
  /** Adapter name, e.g. 'memory' or 'duckdb'. */
  readonly kind: string;
  /** Durably stores the exchanges whose id is new; resolves with those (first occurrence wins), in input order. */
  appendExchanges(batch: readonly Exchange[]): Promise<Appended<Exchange>>;
  /**
   * The same for exchanges given as columns with their JSON text (each text must decode to a
   * valid exchange with that id, time and account); resolves with the indexes of the new rows.
   */
  appendExchangeColumns(batch: ExchangeColumns): Promise<AppendedRows>;
  /** Durably stores account events not stored before (identical records are one); resolves with the new ones. */
  appendAccountEvents(batch: readonly AccountEvent[]): Promise<Appended<AccountEvent>>;
  /**
   * Calls `onBatch` with the stored records of one kind in ingest order, in batches, with the
   * sequence number of each batch's last record; resolves with the count.
   */
  replay<K extends 'exchanges' | 'accountEvents'>(
    kind: K,
    onBatch: (
      batch: K extends 'exchanges' ? Exchange[] : AccountEvent[],
      seq: number,
    ) => void | Promise<void>,
    options?: StoreReplayOptions,
  ): Promise<number>;
  /** Stored record counts. */
  counts(): Promise<StoreCounts>;
  /** Deletes exchanges with event time before `before` (retention); resolves with how many. */
  pruneExchanges(before: EpochMs): Promise<number>;
  /** Stored exchanges of these accounts per event-time bucket of `bucketMs`, ascending (bucket start, count). */
  activity(accounts: readonly string[], bucketMs: number): Promise<{ ts: EpochMs; count: number }[]>;

  /** Replaces the stored account summaries of the given accounts. */
  putSummaries(summaries: readonly AccountSummary[]): Promise<void>;
  /** The stored summary of one account, or null. */
  getSummary(account: string): Promise<AccountSummary | null>;
  /** Stores a named opaque snapshot (e.g. the fingerprint index), replacing any previous one. */
  putSnapshot(name: string, data: Uint8Array): Promise<void>;
  /** A named snapshot, or null. */
  getSnapshot(name: string): Promise<Uint8Array | null>;

  /** Inserts or replaces a campaign's latest result; `entry`, when given, is appended to its history. */
  putCampaign(campaign: CampaignResult, entry?: CampaignHistoryEntry): Promise<void>;
  /** One campaign with its history, or null. */
  getCampaign(id: string): Promise<StoredCampaign | null>;
  /** Every stored campaign with its history, by id. */
  listCampaigns(): Promise<StoredCampaign[]>;

  /** Appends a review. */
  addReview(review: ReviewRecord): Promise<void>;
  /** All reviews in the order made. */
  listReviews(): Promise<ReviewRecord[]>;
  /** Sets (replaces) an account's override. */
  setOverride(override: OverrideRecord): Promise<void>;
  /** Removes an account's override; resolves with whether there was one. */
  clearOverride(account: string): Promise<boolean>;
  /** All overrides, by account. */
  listOverrides(): Promise<OverrideRecord[]>;

  /** Registers a webhook. */
  addWebhook(webhook: WebhookRecord): Promise<void>;
  /** All webhooks. */
  listWebhooks(): Promise<WebhookRecord[]>;
  /** Deletes a webhook; resolves with whether it existed. */
  removeWebhook(id: string): Promise<boolean>;
  /** Inserts or replaces a delivery (by id). */
  putDelivery(delivery: DeliveryRecord): Promise<void>;
  /** Pending deliveries due at or before `now`, oldest first. */
  dueDeliveries(now: EpochMs, limit?: number): Promise<DeliveryRecord[]>;
  /** Every delivery, oldest first (for inspection). */
  listDeliveries(): Promise<DeliveryRecord[]>;

  /** Appends to the audit log. */
  audit(entry: AuditEntry): Promise<void>;
  /** The audit log, newest first. */
  listAudit(limit?: number): Promise<AuditEntry[]>;

  /** A small persistent key-value setting (e.g. the last tick), or null. */
  getMeta(key: string): Promise<string | null>;
  /** Sets a key-value setting. */
  setMeta(key: string, value: string): Promise<void>;

  /** Flushes and releases the store; further calls fail. */
  close(): Promise<void>;
}

/** Columns of decoded exchanges (the text is the record as JSON). */
export function columnsOf(records: readonly Exchange[]): ExchangeColumns {
  return {
    ids: records.map((record) => record.id),
    ts: records.map((record) => record.ts),
    accounts: records.map((record) => record.account),
    ...linesOf(records.map((record) => JSON.stringify(record))),
  };
}

/** The idempotency key of an account event: identical records are the same event. */
export function accountEventKey(event: AccountEvent): string {
  const canonical = JSON.stringify(event, Object.keys(event).sort());
  return createHash('sha256').update(canonical).digest('base64url');
}
