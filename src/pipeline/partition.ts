/**
 * One partition of the per-event stages: decode, fingerprint, enrich and fold into account state
 * for the accounts hashed to it. The same code runs on the main thread (one partition) or inside
 * each worker thread (one partition per worker), which is why single- and multi-threaded runs
 * give identical summaries. It remembers which accounts changed since the last tick.
 */

import {
  type AccountState,
  applyAccountEvent,
  applyExchange,
  createAccountState,
  DEFAULT_LIMITS,
  type StateLimits,
  summarise,
} from '../behaviour/index.js';
import { decodeAccountEvent, decodeExchange } from '../core/schema.js';
import type {
  AccountEvent,
  AccountSummary,
  EpochMs,
  Exchange,
  Fingerprint,
  InputIssue,
  NetInfo,
} from '../core/types.js';
import { fastExchange } from './decode.js';

/** The per-event derivations a partition applies to each record (fingerprint, enrichment). */
export interface PerEventStages {
  /** Fingerprint of an exchange's prompt (or its validated precomputed one), or null when it has neither. */
  fingerprint(exchange: Exchange): Fingerprint | null;
  /** Enrichment of one address, or null when it cannot be read. */
  net(address: string): NetInfo | null;
  /** Client kind from the user agent and SDK headers. */
  client(userAgent: string | undefined, sdk: Record<string, string> | undefined): { kind: string } | null;
  /**
   * What the global stage reads of every changed summary, as a string sent with it (the default
   * stages: the link digest, src/link/keys.ts). Made in the partition's thread, so that the
   * global stage's thread need not decode summaries it only files away.
   */
  digest?(summary: AccountSummary): string;
  /** State the stages learn from the stream (the template miner), as structured-cloneable data. */
  exportState?(): unknown;
  /** Resumes from `exportState`'s data (of stages built with the same options). */
  importState?(state: unknown): void;
}

/** Raw NDJSON lines shipped to a partition: bytes plus per-line end offsets, line numbers, kinds. */
export interface LineBatch {
  /** The file exchange lines came from (for issues). */
  file: string;
  bytes: Uint8Array;
  /** End offset (exclusive) of line i in `bytes`; line i starts at ends[i-1] (0 for i = 0). */
  ends: Uint32Array;
  /** Input line number of each line (exchange lines; 0 for account events). */
  lines: Float64Array;
  /** 0 = exchange line, 1 = account event (already validated, re-decoded here). */
  kinds: Uint8Array;
  count: number;
}

export const LINE_EXCHANGE = 0;
export const LINE_ACCOUNT_EVENT = 1;

/** Counts of what a partition read and rejected since the last report. */
export interface PartitionCounts {
  exchanges: number;
  accountEvents: number;
  rejected: number;
}

/** What a partition hands the global stage at a tick. */
export interface PartitionReport {
  /** Summaries of the accounts changed since the previous report, sorted by account. */
  changed: AccountSummary[];
  counts: PartitionCounts;
  /** Issues of rejected lines since the previous report (at most `keepIssues`). */
  issues: InputIssue[];
  /** Accounts held by this partition. */
  accounts: number;
}

/** A partition of the per-event stages. */
export interface Partition {
  applyExchanges(batch: readonly Exchange[]): void;
  applyAccountEvents(batch: readonly AccountEvent[]): void;
  applyLines(batch: LineBatch): void;
  /**
   * Summaries of the accounts changed materially since their last summary (see `SummaryPolicy`),
   * and counts since the last call. `flush` sends every changed account (end of input).
   */
  report(now: EpochMs, flush?: boolean): PartitionReport;
  /** Current summaries of the given accounts held here (unknown ones are left out). */
  summaries(accounts: readonly string[]): AccountSummary[];
  /** The per-account state as plain data (structured-cloneable), for a snapshot of the live service. */
  exportState(): PartitionState;
  /**
   * Adds the accounts of an exported state (accounts routed here; replaces any held) and resumes
   * the stages from theirs when it has any.
   */
  importState(state: PartitionState): void;
}

/** Exported per-account state of a partition (see `Partition.exportState`). */
export interface PartitionState {
  accounts: {
    account: string;
    state: AccountState;
    sent: { exchanges: number; at: EpochMs } | null;
    changed: boolean;
    identityChanged: boolean;
  }[];
  /** What the stages learnt (`PerEventStages.exportState`), if they learn anything. */
  stages?: unknown;
}

/**
 * When a changed account's summary is sent to the global stage. Re-sending every active account
 * every tick is what costs most at scale (a summary is ~2 KB and the engine re-reads it), while
 * a summary that grew by a few exchanges says nothing new. An account is sent when it is new,
 * when an account event changed its identity, when its volume grew by `growth` since the last
 * summary sent, or when that summary is `maxAgeMs` old. `growth: 0` sends every change.
 */
export interface SummaryPolicy {
  growth: number;
  maxAgeMs: EpochMs;
}

/**
 * Default: on 50% growth (the campaign engine re-keys an account no more often) or after a day of
 * event time. A new account, and any account event, is sent at the next tick.
 */
export const DEFAULT_SUMMARY_POLICY: SummaryPolicy = { growth: 0.5, maxAgeMs: 24 * 3_600_000 };

interface Sent {
  exchanges: number;
  at: EpochMs;
}

/** Creates a partition over the given stages. */
export function createPartition(
  stages: PerEventStages,
  limits: StateLimits = DEFAULT_LIMITS,
  policy: SummaryPolicy = DEFAULT_SUMMARY_POLICY,
  keepIssues = 1000,
): Partition {
  const states = new Map<string, AccountState>();
  const sent = new Map<string, Sent>();
  let changed = new Set<string>();
  let identityChanged = new Set<string>();
  let counts: PartitionCounts = { exchanges: 0, accountEvents: 0, rejected: 0 };
  let issues: InputIssue[] = [];

  const stateOf = (account: string): AccountState => {
    let state = states.get(account);
    if (state === undefined) {
      state = createAccountState(account, limits);
      states.set(account, state);
    }
    changed.add(account);
    return state;
  };

  const exchange = (record: Exchange) => {
    const fingerprint = stages.fingerprint(record);
    const net = record.ip === undefined ? null : stages.net(record.ip);
    const client =
      record.userAgent === undefined && record.sdk === undefined
        ? null
        : stages.client(record.userAgent, record.sdk);
    applyExchange(stateOf(record.account), record, { fingerprint, net, client });
    counts.exchanges++;
  };

  const accountEvent = (record: AccountEvent) => {
    const signupNet = record.signupIp === undefined ? null : stages.net(record.signupIp);
    applyAccountEvent(stateOf(record.account), record, { signupNet });
    identityChanged.add(record.account);
    counts.accountEvents++;
  };

  const reject = (found: InputIssue[]) => {
    counts.rejected++;
    for (const issue of found) if (issues.length < keepIssues) issues.push(issue);
  };

  return {
    applyExchanges(batch) {
      for (const record of batch) exchange(record);
    },
    applyAccountEvents(batch) {
      for (const record of batch) accountEvent(record);
    },
    applyLines(batch) {
      const text = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
      let start = 0;
      for (let i = 0; i < batch.count; i++) {
        const end = batch.ends[i];
        const line = batch.lines[i];
        const source = text.toString('utf8', start, end);
        start = end;
        const at = { file: batch.kinds[i] === LINE_EXCHANGE ? batch.file : '<account events>', line };
        let value: unknown;
        try {
          value = JSON.parse(source);
        } catch (error) {
          reject([{ ...at, field: null, reason: `invalid JSON: ${(error as Error).message}` }]);
          continue;
        }
        if (batch.kinds[i] === LINE_EXCHANGE) {
          const fast = fastExchange(value);
          if (fast !== null) {
            exchange(fast);
            continue;
          }
          const decoded = decodeExchange(value, at);
          if (decoded.ok) exchange(decoded.value);
          else reject(decoded.issues);
        } else {
          const decoded = decodeAccountEvent(value, at);
          if (decoded.ok) accountEvent(decoded.value);
          else reject(decoded.issues);
        }
      }
    },
    report(now, flush = false) {
      const due: string[] = [];
      const waiting = new Set<string>();
      for (const account of changed) {
        const state = states.get(account) as AccountState;
        const last = sent.get(account);
        const send =
          flush ||
          last === undefined ||
          identityChanged.has(account) ||
          state.exchanges - last.exchanges >= Math.max(1, policy.growth * last.exchanges) ||
          now - last.at >= policy.maxAgeMs;
        if (send) {
          due.push(account);
          sent.set(account, { exchanges: state.exchanges, at: now });
        } else waiting.add(account);
      }
      due.sort();
      const out: PartitionReport = {
        changed: due.map((account) => summarise(states.get(account) as AccountState)),
        counts,
        issues,
        accounts: states.size,
      };
      changed = waiting;
      identityChanged = new Set();
      counts = { exchanges: 0, accountEvents: 0, rejected: 0 };
      issues = [];
      return out;
    },
    summaries(accounts) {
      const out: AccountSummary[] = [];
      for (const account of accounts) {
        const state = states.get(account);
        if (state !== undefined) out.push(summarise(state));
      }
      return out;
    },
    exportState() {
      return {
        accounts: [...states].map(([account, state]) => ({
          account,
          state,
          sent: sent.get(account) ?? null,
          changed: changed.has(account),
          identityChanged: identityChanged.has(account),
        })),
        stages: stages.exportState?.(),
      };
    },
    importState(exported) {
      if (exported.stages !== undefined) stages.importState?.(exported.stages);
      for (const entry of exported.accounts) {
        states.set(entry.account, entry.state);
        if (entry.sent) sent.set(entry.account, entry.sent);
        if (entry.changed) changed.add(entry.account);
        if (entry.identityChanged) identityChanged.add(entry.account);
      }
    },
  };
}
