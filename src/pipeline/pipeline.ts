/**
 * The pipeline: the one place where the stages are wired (DESIGN.md section 3). Per-event stages
 * run in partitions keyed by account (on this thread, or one worker thread each); at each tick of
 * event time the summaries of the accounts changed since the previous tick go to the global
 * stage (the campaign engine: link, cluster, score). `scan` replays a log through it
 * (`replay.ts`); the live server feeds it as traffic arrives. Callers decide when to tick; a
 * tick at `now` must only follow records with `ts < now` (replay guarantees it).
 */
import type { StateLimits } from '../behaviour/index.js';
import type { ChangedSummary } from '../core/summary-wire.js';
import type {
  AccountEvent,
  AccountSummary,
  AccountVerdict,
  CampaignResult,
  EpochMs,
  Exchange,
  InputIssue,
} from '../core/types.js';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from './config.js';
import { type HostReport, inProcessHost, type PartitionHost, workerHost } from './hosts.js';
import type { LineBatch, PartitionState, PerEventStages } from './partition.js';
import { partitionOf } from './route.js';
import { createStages, DEFAULT_STAGES_MODULE } from './stages.js';

/** The global stage the pipeline drives at each tick (the campaign engine's shape). */
export interface GlobalStage<R = unknown> {
  /**
   * Folds the summaries of changed accounts in, sorted by account; `now` is the tick's event
   * time. Summaries from worker threads are still in wire form (`parseSummary` decodes one).
   */
  tick(changed: ChangedSummary[], now: EpochMs): R;
  campaigns(): CampaignResult[];
  verdicts(): AccountVerdict[];
}

/** What one tick did. */
export interface PipelineTick<R = unknown> {
  now: EpochMs;
  /** Accounts whose summaries went to the global stage. */
  changed: number;
  /** The global stage's own tick result. */
  result: R;
  /** Records rejected by the partitions since the previous tick (first issues of each). */
  rejected: number;
  issues: InputIssue[];
}

/** Running totals. */
export interface PipelineStats {
  partitions: number;
  exchanges: number;
  accountEvents: number;
  rejected: number;
  accounts: number;
  ticks: number;
  lastTick: EpochMs | null;
}

/** The pipeline used by `scan` (batch replay) and the server (streaming). */
export interface Pipeline<R = unknown> {
  readonly partitions: number;
  /** Applies exchanges (any order of accounts; per account in event time). */
  ingestExchanges(batch: readonly Exchange[]): void;
  /** Applies account events (sign-up, profile, payment, verification, ban). */
  ingestAccountEvents(batch: readonly AccountEvent[]): void;
  /** Applies raw NDJSON lines already routed to `partition` (see `partitionOf`); used by replay. */
  ingestLines(partition: number, batch: LineBatch): void;
  /** Resolves once line batches not yet applied are under the back-pressure bound. */
  drain(): Promise<void>;
  /**
   * Runs the global stage at event time `now` on the accounts changed since the last tick (per
   * the summary policy; `flush` sends every changed account, e.g. at the end of input). Ticks run
   * in call order.
   */
  tick(now: EpochMs, options?: { flush?: boolean }): Promise<PipelineTick<R>>;
  campaigns(): CampaignResult[];
  verdicts(): AccountVerdict[];
  /** The current summary of one account (undefined when never seen). */
  summary(account: string): Promise<AccountSummary | undefined>;
  /** Current summaries of many accounts (unknown ones left out), in the order given. */
  summaries(accounts: readonly string[]): Promise<AccountSummary[]>;
  stats(): PipelineStats;
  /**
   * The per-event state (every partition's accounts) and totals, once the ticks asked so far are
   * done and the records posted so far applied: with the global stage's own state, a snapshot
   * the live service resumes from (the template miners' state included).
   */
  exportState(): Promise<PipelineState>;
  /** Restores exported state into a fresh pipeline (accounts are re-routed if the partition count differs). */
  importState(state: PipelineState): Promise<void>;
  /** Stops the worker threads. */
  close(): Promise<void>;
}

/** Exported state of a pipeline (see `Pipeline.exportState`). */
export interface PipelineState {
  partitions: PartitionState[];
  totals: PipelineStats;
}

/** What `createPipeline` may be given instead of the defaults. */
export interface PipelineParts<R> {
  /** The global stage (required until the campaign engine is the default). */
  engine: GlobalStage<R>;
  /** Per-event stages for in-process partitions (workers build theirs from `stagesModule`). */
  stages?: PerEventStages;
  /** Module exporting `createStages(options)` for worker partitions (default: stages.ts). */
  stagesModule?: string;
}

/** Unapplied line-batch bytes allowed per worker before `drain` waits. */
const MAX_INFLIGHT_BYTES = 32 * 1024 * 1024;

/** Creates a pipeline: `config.workers` worker partitions, or one in-process partition when 0. */
export function createPipeline<R>(config: Partial<PipelineConfig>, parts: PipelineParts<R>): Pipeline<R> {
  const full: PipelineConfig = { ...DEFAULT_PIPELINE_CONFIG, ...config };
  const limits: StateLimits = full.limits;
  const engine = parts.engine;
  const hosts: PartitionHost[] =
    full.workers > 0
      ? Array.from({ length: full.workers }, () =>
          workerHost({
            stages: { module: parts.stagesModule ?? DEFAULT_STAGES_MODULE, options: full.stages },
            limits,
          }),
        )
      : [inProcessHost(parts.stages ?? createStages(full.stages), limits)];
  const n = hosts.length;
  const totals: PipelineStats = {
    partitions: n,
    exchanges: 0,
    accountEvents: 0,
    rejected: 0,
    accounts: 0,
    ticks: 0,
    lastTick: null,
  };
  let chain: Promise<unknown> = Promise.resolve();

  const split = <T extends { account: string }>(batch: readonly T[]): T[][] => {
    const out: T[][] = Array.from({ length: n }, () => []);
    for (const record of batch) out[partitionOf(record.account, n)].push(record);
    return out;
  };

  const runTick = async (now: EpochMs, pending: Promise<HostReport>[]): Promise<PipelineTick<R>> => {
    const reports = await Promise.all(pending);
    const changed: ChangedSummary[] = [];
    const issues: InputIssue[] = [];
    let rejected = 0;
    let accounts = 0;
    for (const report of reports) {
      for (const summary of report.changed) changed.push(summary);
      issues.push(...report.issues);
      totals.exchanges += report.counts.exchanges;
      totals.accountEvents += report.counts.accountEvents;
      rejected += report.counts.rejected;
      accounts += report.accounts;
    }
    // Partition order must not matter: the engine sees accounts sorted, issues in input order.
    if (n > 1) changed.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
    issues.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
    totals.rejected += rejected;
    totals.accounts = accounts;
    totals.ticks++;
    totals.lastTick = now;
    const result = engine.tick(changed, now);
    return { now, changed: changed.length, result, rejected, issues };
  };

  return {
    partitions: n,
    ingestExchanges(batch) {
      const parts = split(batch);
      for (let i = 0; i < n; i++)
        if (parts[i].length > 0) hosts[i].post({ type: 'exchanges', records: parts[i] });
    },
    ingestAccountEvents(batch) {
      const parts = split(batch);
      for (let i = 0; i < n; i++)
        if (parts[i].length > 0) hosts[i].post({ type: 'events', records: parts[i] });
    },
    ingestLines(partition, batch) {
      hosts[partition].post({ type: 'lines', batch });
    },
    async drain() {
      await Promise.all(hosts.map((host) => host.drain(MAX_INFLIGHT_BYTES)));
    },
    tick(now, options) {
      // Reports are requested now, in order with the records already sent; only the engine waits its turn.
      const pending = hosts.map((host) => host.report(now, options?.flush ?? false));
      const next = chain.then(() => runTick(now, pending));
      chain = next.catch(() => {});
      return next;
    },
    campaigns: () => engine.campaigns(),
    verdicts: () => engine.verdicts(),
    summary: async (account) => (await hosts[partitionOf(account, n)].summaries([account]))[0],
    async summaries(accounts) {
      const parts = split(accounts.map((account) => ({ account })));
      const found = await Promise.all(parts.map((part, i) => hosts[i].summaries(part.map((x) => x.account))));
      const byAccount = new Map(found.flat().map((s) => [s.account, s]));
      return accounts.flatMap((account) => byAccount.get(account) ?? []);
    },
    stats: () => ({ ...totals }),
    async exportState() {
      await chain;
      const partitions = await Promise.all(hosts.map((host) => host.exportState()));
      return { partitions, totals: { ...totals } };
    },
    async importState(state) {
      // What the stages learnt goes back to the partition it came from; with another partition
      // count it cannot (a partition's template miner saw its own accounts' prompts), and the
      // stages learn again from the records that follow.
      const sameCount = state.partitions.length === n;
      const parts: PartitionState[] = Array.from({ length: n }, (_, i) => ({
        accounts: [],
        ...(sameCount ? { stages: state.partitions[i].stages } : {}),
      }));
      for (const partition of state.partitions)
        for (const entry of partition.accounts) parts[partitionOf(entry.account, n)].accounts.push(entry);
      await Promise.all(hosts.map((host, i) => host.importState(parts[i])));
      Object.assign(totals, state.totals, { partitions: n });
    },
    async close() {
      await Promise.all(hosts.map((host) => host.close()));
    },
  };
}
