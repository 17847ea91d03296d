/**
 * What the live service needs from detection: the pipeline's streaming interface plus the
 * campaign engine's explanations. `createDetection` wires the real ones (createPipeline with
 * createCampaignEngine: the same code as `scan`); tests may pass any object of this shape.
 */
import type {
  AccountEvent,
  AccountSummary,
  AccountVerdict,
  CampaignResult,
  EpochMs,
  Evidence,
  Exchange,
  ResidencyVerdict,
} from '../core/types.js';
import type { ExchangeColumns } from '../store/types.js';

/** A campaign's account graph, for the dashboard. */
export interface CampaignGraphView {
  nodes: { id: string; risk: number }[];
  edges: { source: string; target: string; weight: number; kinds: string[]; evidence?: Evidence[] }[];
}

/** One link of an account to another, with its evidence. */
export interface AccountLinkView {
  account: string;
  weight: number;
  evidence: Evidence[];
}

/** A value, or a promise of it (detection may run on another thread). */
export type MaybePromise<T> = T | Promise<T>;

/** The detection the service drives. */
export interface Detection {
  ingestExchanges(batch: readonly Exchange[]): void;
  /** Exchanges as their JSON texts (validated at ingest), with their accounts: decoded by detection itself. */
  ingestExchangeTexts?(texts: string[], accounts: string[]): void;
  /** The same as one UTF-8 buffer of the texts joined by newlines (cheaper to hand between threads). */
  ingestExchangeLines?(bytes: Uint8Array, accounts: string[]): void;
  /**
   * Rows of exchange columns by index: a detection on another thread takes each batch's text
   * buffer once, for all its rows; `releaseRows` says no more rows of that batch will come.
   */
  ingestExchangeRows?(batch: ExchangeColumns, rows: number[]): void;
  releaseRows?(batch: ExchangeColumns): void;
  ingestAccountEvents(batch: readonly AccountEvent[]): void;
  /** Runs the global stage at event time `now` (non-decreasing); `flush` sends every changed account. */
  tick(now: EpochMs, options?: { flush?: boolean }): Promise<unknown>;
  campaigns(): CampaignResult[];
  verdicts(): AccountVerdict[];
  summary(account: string): Promise<AccountSummary | undefined>;
  /** Current summaries of several accounts (unknown ones left out), in one round trip. */
  summaries?(accounts: readonly string[]): Promise<AccountSummary[]>;
  /** Counters, and the heap of the isolate detection runs in (its thread's, or this one's). */
  stats(): {
    accounts: number;
    ticks: number;
    lastTick: EpochMs | null;
    heapMiB?: { used: number; limit: number };
  };
  close(): Promise<void>;
  /** Resolves once every record handed over so far has been applied (worker queues drained). */
  settle?(): Promise<void>;
  /** Event-time tick interval and reorder window of the pipeline. */
  readonly tickMs: number;
  readonly reorderMs: number;
  graph?(campaignId: string): MaybePromise<CampaignGraphView | undefined>;
  links?(account: string): MaybePromise<AccountLinkView[]>;
  residency?(summary: AccountSummary): MaybePromise<ResidencyVerdict>;
  /**
   * The whole detection state (per-event account state and the engine), once everything handed
   * over so far is applied and the ticks asked so far are done; `restore` takes it back into a
   * detection that has not been fed yet. Together they let a restart skip replaying old records.
   */
  snapshot?(): Promise<Uint8Array>;
  restore?(data: Uint8Array): Promise<void>;
  /** Records a reviewer's decision in the engine (the engine then keeps the lifecycle). */
  review?(campaignId: string, action: 'confirm' | 'dismiss', note?: string): MaybePromise<void>;
}
