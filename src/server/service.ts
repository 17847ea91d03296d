/**
 * The live service: durable ingest into the store, detection fed through the event-time clock,
 * campaign lifecycle bookkeeping (history, webhooks), reviews and overrides, and the in-memory
 * views the HTTP layer answers from (risk decisions in microseconds). It owns no detection
 * logic: campaigns, verdicts, graphs and links come from `Detection` (the same code as `scan`).
 *
 * Ordering: an ingest call resolves once the store committed the records (durable), then the new
 * records (never duplicates) go to detection in arrival order through one queue and the event
 * clock, which hands them over at once: ticks are asked in order with the records and their
 * aftermath (lifecycle, webhooks) runs on its own chain, so the backlog waits in detection's
 * queue, not on the HTTP thread's heap. Detection may lag ingest by at most `maxDetectionLag`
 * records (confirmed by ticks and settle round trips); beyond that, ingest waits (back-pressure).
 * On start, detection resumes from its last snapshot and the records stored after it are
 * replayed through the same clock, so a restart after `kill -9` rebuilds exactly the state of
 * the records that were acknowledged.
 */
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { DAY_MS, HOUR_MS, toRfc3339 } from '../core/time.js';
import type {
  AccountEvent,
  AccountSummary,
  AccountVerdict,
  CampaignResult,
  EpochMs,
  Exchange,
  ResidencyVerdict,
} from '../core/types.js';
import type {
  CampaignHistoryEntry,
  ExchangeColumns,
  OverrideRecord,
  ReviewRecord,
  Store,
  StoredCampaign,
  WebhookEvent,
  WebhookRecord,
} from '../store/types.js';
import { type ClockState, createEventClock, type EventClock } from './clock.js';
import type { AccountLinkView, CampaignGraphView, Detection } from './detection.js';
import {
  DEFAULT_RISK_POLICY,
  type Decision,
  decideRisk,
  type RiskDecision,
  type RiskPolicy,
} from './risk.js';
import { DEFAULT_RETRY, deliverDue, enqueueEvent, type RetryPolicy } from './webhooks.js';

/** Settings of the live service. */
export interface ServiceConfig {
  /** Wall-clock interval of the detection flush and tick (default 60 s); 0 turns the timer off. */
  tickIntervalMs: number;
  /** Exchanges older than this many days of event time are deleted at each tick (null keeps all). */
  retentionDays: number | null;
  /** Score rise that counts as an escalation (default 0.1); a 50% larger membership also counts. */
  escalateBy: number;
  policy: RiskPolicy;
  webhookRetry: RetryPolicy;
  /** How often due webhook deliveries are attempted (default 1 s); 0 turns the timer off. */
  webhookIntervalMs: number;
  /** Records stored but not yet applied by detection before ingest waits (default 200,000). */
  maxDetectionLag: number;
  /**
   * Wall-clock interval of detection snapshots (default 10 minutes; 0: only at a clean close).
   * A restart resumes from the last snapshot and replays only the records stored after it.
   */
  snapshotIntervalMs: number;
}

export const DEFAULT_SERVICE_CONFIG: ServiceConfig = {
  tickIntervalMs: 60_000,
  retentionDays: null,
  escalateBy: 0.1,
  policy: DEFAULT_RISK_POLICY,
  webhookRetry: DEFAULT_RETRY,
  webhookIntervalMs: 1000,
  maxDetectionLag: 200_000,
  snapshotIntervalMs: 600_000,
};

/** How the last start rebuilt detection. */
export interface Recovery {
  /** Wall time of the snapshot resumed from, or null when everything stored was replayed. */
  snapshotAt: EpochMs | null;
  /** Records replayed into detection (those stored after the snapshot). */
  replayed: { exchanges: number; accountEvents: number };
}

/** What an ingest call did. */
export interface IngestOutcome {
  /** Records newly stored. */
  stored: number;
  /** Records already stored before (same exchange id, or an identical account event). */
  duplicates: number;
}

/** One member of a campaign, as the campaign page shows it. */
export interface CampaignMember {
  account: string;
  risk: number;
  flaggedAt: string | null;
  exchanges: number;
  declaredCountry: string | null;
  residency: 'consistent' | 'inconsistent' | 'unknown';
}

/** `GET /v1/campaigns/:id` */
export interface CampaignDetail {
  campaign: CampaignResult & { history: CampaignHistoryEntry[] };
  members: CampaignMember[];
  timeline: { hour: string; exchanges: number }[];
  graph: {
    nodes: { id: string; risk: number }[];
    edges: { source: string; target: string; weight: number; kinds: string[] }[];
  };
  residency: { byVerdict: Record<string, number>; byCountry: Record<string, number> };
  extraction: Record<string, number>;
}

/** `GET /v1/accounts/:id` */
export interface AccountDetail {
  account: string;
  summary: AccountSummary;
  verdict: AccountVerdict | null;
  residency: ResidencyVerdict | null;
  links: AccountLinkView[];
  campaign: string | null;
  /** The analyst override in force, if any. */
  override: { decision: Decision; note?: string; ts: string; actor: string } | null;
}

/** `GET /v1/stats` */
export interface ServiceStats {
  exchanges: number;
  accounts: number;
  ratePerSecond: number;
  campaigns: Record<string, number>;
  lastTick: string | null;
  /** Exchanges stored but not yet applied by detection (bounded by `maxDetectionLag`). */
  detectionLag: number;
  /** Event-loop delay of the HTTP thread since the previous call (at most 60 s), in ms. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /** Heap of detection's isolate in use and its cap, in MiB, as of its last answer (null before one). */
  detectionHeapMiB: { used: number; limit: number } | null;
}

/** Filter and page of `GET /v1/campaigns`. */
export interface CampaignQuery {
  status?: string[];
  minScore?: number;
  since?: EpochMs;
  until?: EpochMs;
  limit: number;
  offset: number;
}

/** The live service. */
export interface Service {
  /** Replays the store into detection, loads reviews, overrides and webhooks, starts the timers. */
  start(): Promise<void>;
  /** Stores new exchanges durably, then hands them to detection (OTLP, LiteLLM: decoded records). */
  ingestExchanges(batch: readonly Exchange[]): Promise<IngestOutcome>;
  /** The same for validated exchanges as columns with their received JSON text (NDJSON ingest). */
  ingestExchangeColumns(batch: ExchangeColumns): Promise<IngestOutcome>;
  ingestAccountEvents(batch: readonly AccountEvent[]): Promise<IngestOutcome>;
  /** Applies everything held and ticks now (what the wall-clock timer does). */
  flush(): Promise<void>;
  /** Resolves once every stored record has been applied by detection. */
  settled(): Promise<void>;
  risk(account: string): RiskDecision;
  /**
   * `risk` as its JSON answer, from a table of answers kept beside the state they come from: an
   * entry is made on the first lookup and the table is emptied whenever a verdict, a campaign or
   * an override changes, so an answer is never older than what `risk` would say.
   */
  riskJson(account: string): string;
  listCampaigns(query: CampaignQuery): { campaigns: CampaignResult[]; total: number };
  campaign(id: string): Promise<CampaignDetail | null>;
  account(id: string): Promise<AccountDetail | null>;
  blocklist(min: Decision): RiskDecision[];
  /** Records a review; resolves with the updated campaign, or null when there is no such campaign. */
  review(
    id: string,
    action: 'confirm' | 'dismiss',
    note: string | null,
    actor: string,
  ): Promise<StoredCampaign | null>;
  setOverride(
    account: string,
    decision: Decision,
    note: string | null,
    actor: string,
  ): Promise<OverrideRecord>;
  clearOverride(account: string, actor: string): Promise<boolean>;
  overrides(): OverrideRecord[];
  addWebhook(url: string, events: WebhookEvent[], actor: string, secret?: string): Promise<WebhookRecord>;
  removeWebhook(id: string, actor: string): Promise<boolean>;
  webhooks(): WebhookRecord[];
  stats(): ServiceStats;
  readonly store: Store;
  /** Saves a detection snapshot now (false when detection cannot snapshot). */
  snapshot(): Promise<boolean>;
  /** How the last `start` rebuilt detection. */
  recovery(): Recovery;
  /** Stops the timers, flushes and snapshots detection, and closes detection and the store. */
  close(): Promise<void>;
}

/** Options of `createService`. */
export interface ServiceOptions {
  store: Store;
  detection: Detection;
  config?: Partial<ServiceConfig>;
  /** Wall clock (tests pass their own). */
  now?: () => number;
  /** HTTP client for webhooks (tests pass their own). */
  fetch?: typeof fetch;
  /** Where operational messages go (default stderr). */
  log?: (message: string) => void;
}

const WEBHOOK_EVENTS: readonly WebhookEvent[] = ['campaign.new', 'campaign.escalated', 'campaign.confirmed'];
const OPEN_STATUSES = new Set(['suspected', 'confirmed']);
const MEMBER_SUMMARIES_PER_TICK = 2000;
/**
 * Member summaries are stored at a flush tick, or at a tick this long (wall time) after they were
 * last stored: a backfill ticks every hour of event time, many times a second, and refreshing
 * thousands of summaries at each of those ticks cost the HTTP thread more than anything else.
 */
const SUMMARY_REFRESH_MS = 10_000;
/** Member summaries fetched and stored at once after a tick. */
const SUMMARY_CHUNK = 50;
/** Records handed to detection between waits for its worker queues to drain (bounds their memory). */
const SETTLE_EVERY = 20_000;
/** Name of the detection snapshot in the store. */
const SNAPSHOT = 'detection';

/** Detection's conclusions at one tick. */
interface DetectionView {
  campaigns: CampaignResult[];
  verdicts: AccountVerdict[];
}

/** What a detection snapshot holds besides detection's own state. */
interface SavedDetection {
  version: 1;
  at: EpochMs;
  /** Store sequence numbers of the last records handed to detection. */
  fed: { exchanges: number; accountEvents: number };
  clock: ClockState;
  lastTick: EpochMs | null;
  /** Reviews (in store order) already applied to the engine. */
  reviews: number;
  detection: Uint8Array;
}

function overrideView(record: OverrideRecord | undefined): AccountDetail['override'] {
  if (!record) return null;
  return {
    decision: record.decision,
    ...(record.note ? { note: record.note } : {}),
    ts: toRfc3339(record.ts),
    actor: record.actor,
  };
}

/** Creates the live service over a store and a detection. */
export function createService(options: ServiceOptions): Service {
  const { store, detection } = options;
  const config: ServiceConfig = { ...DEFAULT_SERVICE_CONFIG, ...options.config };
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => process.stderr.write(`distillwatch: ${message}\n`));

  const campaigns = new Map<string, StoredCampaign>();
  const accountCampaign = new Map<string, string>();
  let verdicts = new Map<string, AccountVerdict>();
  /** JSON answers of `risk` by account (see `riskJson`); emptied by every change they depend on. */
  const riskAnswers = new Map<string, string>();
  const overrides = new Map<string, OverrideRecord>();
  const reviews = new Map<string, ReviewRecord>();
  let webhooks: WebhookRecord[] = [];
  let storedExchanges = 0;
  let recovering = false;
  let lastTick: EpochMs | null = null;
  /** Members of changed campaigns whose summaries are not stored yet, and when summaries were last stored. */
  const staleMembers = new Set<string>();
  let summariesStoredAt = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve();
  /** Exchanges queued for detection (stored), handed over, and known to be applied. */
  let queued = 0;
  let posted = 0;
  let applied = 0;
  let unsettled = 0;
  let settling = false;
  let ticks: Promise<void> = Promise.resolve();
  let lagWaiters: { below: number; resolve: () => void }[] = [];
  const timers: NodeJS.Timeout[] = [];
  let closed = false;
  const fed = { exchanges: 0, accountEvents: 0 };
  let reviewsApplied = 0;
  let started = false;
  let recovery: Recovery = { snapshotAt: null, replayed: { exchanges: 0, accountEvents: 0 } };
  const rate = new Map<number, number>();
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  let loopDelaySince = now();

  /** Detection's campaigns and verdicts as they are now. */
  const viewOf = (): DetectionView => ({ campaigns: detection.campaigns(), verdicts: detection.verdicts() });

  const clock: EventClock = createEventClock(
    {
      ingestExchanges: (batch) => detection.ingestExchanges(batch),
      ingestExchangeRows: detection.ingestExchangeRows
        ? (batch, rows) => detection.ingestExchangeRows!(batch, rows)
        : undefined,
      releaseRows: detection.releaseRows ? (batch) => detection.releaseRows!(batch) : undefined,
      ingestExchangeLines: detection.ingestExchangeLines
        ? (bytes, accounts) => detection.ingestExchangeLines!(bytes, accounts)
        : undefined,
      ingestExchangeTexts: detection.ingestExchangeTexts
        ? (texts, accounts) => detection.ingestExchangeTexts!(texts, accounts)
        : undefined,
      ingestAccountEvents: (batch) => detection.ingestAccountEvents(batch),
      tick(at, flush) {
        // The tick is asked now, in order with the records handed over; the clock goes on without
        // waiting for it (records wait in detection's queue, not on this thread's heap), and what
        // follows a tick (lifecycle, webhooks) runs in tick order on its own chain.
        // What detection concluded at this tick, taken as soon as it answers (it may run ahead).
        const result = detection.tick(at, { flush }).then(viewOf);
        const handedOver = posted;
        ticks = ticks
          .then(async () => {
            const state = await result;
            confirm(handedOver);
            lastTick = at;
            if (!recovering) await afterTick(at, state, flush);
          })
          .catch((error: unknown) => log(`detection error: ${(error as Error)?.stack ?? error}`));
        return Promise.resolve();
      },
    },
    detection.tickMs,
    detection.reorderMs,
  );

  /** Runs detection work in arrival order; a failure is logged, never lost silently, never blocks the queue. */
  const enqueue = (work: () => Promise<void>): Promise<void> => {
    const next = queue
      .then(work)
      .catch((error: unknown) => log(`detection error: ${(error as Error)?.stack ?? error}`));
    queue = next;
    return next;
  };

  /** Event-loop delay percentiles since the last call (the histogram restarts every minute at most). */
  const loopDelayMs = () => {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const out =
      loopDelay.count === 0
        ? { p50: 0, p99: 0, max: 0 }
        : { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) };
    loopDelay.reset();
    loopDelaySince = now();
    return out;
  };

  const countRate = (count: number) => {
    const second = Math.floor(now() / 1000);
    rate.set(second, (rate.get(second) ?? 0) + count);
    for (const key of rate.keys()) if (key < second - 20) rate.delete(key);
  };

  /** Current summaries of several accounts from detection (one round trip when it can). */
  const summariesOf = async (accounts: readonly string[]): Promise<AccountSummary[]> => {
    if (detection.summaries) return detection.summaries(accounts);
    const out: AccountSummary[] = [];
    for (const account of accounts) {
      const summary = await detection.summary(account);
      if (summary) out.push(summary);
    }
    return out;
  };

  const campaignOf = (account: string): CampaignResult | undefined => {
    const id = verdicts.get(account)?.campaign ?? accountCampaign.get(account);
    return id ? campaigns.get(id)?.campaign : undefined;
  };

  /** Without an engine-side review, the service keeps the reviewed status itself. */
  const overlayReview = (campaign: CampaignResult): CampaignResult => {
    if (detection.review) return campaign;
    const review = reviews.get(campaign.id);
    if (!review) return campaign;
    return { ...campaign, status: review.action === 'confirm' ? 'confirmed' : 'dismissed' };
  };

  const rebuildIndex = () => {
    riskAnswers.clear();
    accountCampaign.clear();
    for (const { campaign } of campaigns.values()) {
      if (!OPEN_STATUSES.has(campaign.status)) continue;
      for (const account of campaign.accounts) accountCampaign.set(account, campaign.id);
    }
  };

  const notify = async (event: WebhookEvent, campaign: CampaignResult) => {
    if (webhooks.length === 0) return;
    await enqueueEvent(store, webhooks, event, { campaign }, now());
  };

  /** Records what changed in the campaigns at a tick: history, webhooks, member summaries, retention. */
  const afterTick = async (at: EpochMs, state: DetectionView = viewOf(), flush = true) => {
    const ts = toRfc3339(at);
    verdicts = new Map(state.verdicts.map((verdict) => [verdict.account, verdict]));
    riskAnswers.clear();
    for (const raw of state.campaigns) {
      const campaign = overlayReview(raw);
      const previous = campaigns.get(campaign.id);
      // Detection on its own thread hands back the same object for a campaign that did not change.
      if (previous?.campaign === campaign) continue;
      let entry: CampaignHistoryEntry | undefined;
      let event: WebhookEvent | undefined;
      if (!previous) {
        entry = {
          ts,
          status: campaign.status,
          score: campaign.score,
          note: `detected with ${campaign.accounts.length} accounts`,
        };
        if (OPEN_STATUSES.has(campaign.status)) event = 'campaign.new';
      } else {
        const before = previous.campaign;
        if (before.status !== campaign.status) {
          entry = {
            ts,
            status: campaign.status,
            score: campaign.score,
            note: `status ${before.status} -> ${campaign.status}`,
          };
          if (campaign.status === 'confirmed') event = 'campaign.confirmed';
        } else if (
          OPEN_STATUSES.has(campaign.status) &&
          (campaign.score >= before.score + config.escalateBy ||
            (campaign.accounts.length > before.accounts.length &&
              campaign.accounts.length >= before.accounts.length * 1.5))
        ) {
          entry = {
            ts,
            status: campaign.status,
            score: campaign.score,
            note: `escalated: score ${before.score.toFixed(2)} -> ${campaign.score.toFixed(2)}, accounts ${before.accounts.length} -> ${campaign.accounts.length}`,
          };
          event = 'campaign.escalated';
        } else if (JSON.stringify(before) === JSON.stringify(campaign)) {
          continue;
        }
      }
      await store.putCampaign(campaign, entry);
      campaigns.set(campaign.id, {
        campaign,
        history: entry ? [...(previous?.history ?? []), entry] : (previous?.history ?? []),
      });
      for (const account of campaign.accounts)
        if (staleMembers.size < MEMBER_SUMMARIES_PER_TICK) staleMembers.add(account);
      if (event) await notify(event, campaign);
    }
    rebuildIndex();
    // Member summaries and the last tick's time are stored at flush ticks and at most every
    // SUMMARY_REFRESH_MS: a DuckDB transaction at each of a backfill's many ticks a second cost
    // ~1.5 CPU-s per week of event time (1,000 ticks), more than the store's share of ingest.
    // In small chunks: each summary is ~2 KB of JSON to decode and encode on this thread.
    const due = flush || now() - summariesStoredAt >= SUMMARY_REFRESH_MS;
    const members = due ? [...staleMembers] : [];
    if (due) {
      staleMembers.clear();
      summariesStoredAt = now();
    }
    for (let i = 0; i < members.length; i += SUMMARY_CHUNK) {
      const summaries = await summariesOf(members.slice(i, i + SUMMARY_CHUNK));
      if (summaries.length > 0) await store.putSummaries(summaries);
    }
    if (due) await store.setMeta('lastTick', ts);
    if (config.retentionDays !== null) {
      const watermark = clock.watermark();
      if (watermark !== null) await store.pruneExchanges(watermark - config.retentionDays * DAY_MS);
    }
  };

  /**
   * Queues `count` newly stored exchanges for detection (in arrival order); waits only when
   * detection lags by more than `maxDetectionLag` records.
   */
  const feedExchanges = async (count: number, seq: number, add: () => Promise<void>) => {
    storedExchanges += count;
    countRate(count);
    if (count === 0) return;
    queued += count;
    void enqueue(async () => {
      await add();
      posted += count;
      fed.exchanges = Math.max(fed.exchanges, seq);
      unsettled += count;
      if (!detection.settle) confirm(posted);
      else if (unsettled >= SETTLE_EVERY || queued === posted) settleSoon();
    });
    if (queued - applied > config.maxDetectionLag) await lagBelow(config.maxDetectionLag);
  };

  /**
   * Asks detection (without waiting here) to confirm what was handed over so far, one round trip
   * at a time: every `SETTLE_EVERY` records while they stream in, and as soon as nothing more
   * waits to be handed over, so the lag reads 0 once detection has applied everything (not at
   * the next tick, which after a burst may be the wall-clock timer's, a minute later).
   */
  const settleSoon = () => {
    if (settling) return;
    settling = true;
    unsettled = 0;
    const mark = posted;
    detection.settle!().then(
      () => {
        settling = false;
        confirm(mark);
        if (posted > applied && (unsettled >= SETTLE_EVERY || queued === posted)) settleSoon();
      },
      (error: unknown) => {
        settling = false;
        log(`detection error: ${(error as Error)?.stack ?? error}`);
      },
    );
  };

  /** Records that detection has applied every exchange handed over up to `mark`. */
  const confirm = (mark: number) => {
    if (mark <= applied) return;
    applied = mark;
    const lag = queued - applied;
    lagWaiters = lagWaiters.filter((waiter) => {
      if (lag > waiter.below) return true;
      waiter.resolve();
      return false;
    });
  };
  const lagBelow = (below: number) => new Promise<void>((resolve) => lagWaiters.push({ below, resolve }));

  /** Everything handed over so far is applied and every tick's aftermath done. */
  const drained = async () => {
    await ticks;
    if (detection.settle) {
      const mark = posted;
      await detection.settle();
      confirm(mark);
    }
    await ticks;
  };

  const service: Service = {
    store,
    async start() {
      for (const override of await store.listOverrides()) overrides.set(override.account, override);
      const reviewList = await store.listReviews();
      for (const review of reviewList) reviews.set(review.campaign, review);
      for (const stored of await store.listCampaigns()) campaigns.set(stored.campaign.id, stored);
      webhooks = await store.listWebhooks();
      storedExchanges = (await store.counts()).exchanges;
      rebuildIndex();
      recovering = true;
      try {
        const saved = detection.restore ? await store.getSnapshot(SNAPSHOT) : null;
        if (saved) {
          const state = deserialize(saved) as SavedDetection;
          await detection.restore!(state.detection);
          clock.importState(state.clock);
          lastTick = state.lastTick;
          Object.assign(fed, state.fed);
          reviewsApplied = state.reviews;
          recovery = { snapshotAt: state.at, replayed: { exchanges: 0, accountEvents: 0 } };
        }
        recovery.replayed.accountEvents = await store.replay(
          'accountEvents',
          async (batch, seq) => {
            await clock.addAccountEvents(batch);
            fed.accountEvents = seq;
          },
          { after: fed.accountEvents },
        );
        recovery.replayed.exchanges = await store.replay(
          'exchanges',
          async (batch, seq) => {
            await clock.addExchanges(batch);
            queued += batch.length;
            posted += batch.length;
            fed.exchanges = seq;
            // Bounded hand-over: wait for detection after each replayed batch.
            await drained();
          },
          { after: fed.exchanges },
        );
        await clock.flush();
        await drained();
        if (detection.review)
          for (const review of reviewList.slice(reviewsApplied))
            await detection.review(review.campaign, review.action, review.note ?? undefined);
        reviewsApplied = reviewList.length;
      } finally {
        recovering = false;
      }
      if (recovery.snapshotAt !== null || recovery.replayed.exchanges > 0)
        log(
          `detection ${recovery.snapshotAt === null ? 'rebuilt from every stored record' : `resumed from the snapshot of ${toRfc3339(recovery.snapshotAt)}`}: replayed ${recovery.replayed.exchanges} exchanges and ${recovery.replayed.accountEvents} account events`,
        );
      if (lastTick !== null || reviewList.length > 0) await afterTick(lastTick ?? 0);
      started = true;
      loopDelay.enable();
      timers.push(
        setInterval(() => {
          if (now() - loopDelaySince >= 60_000) loopDelayMs();
        }, 60_000).unref(),
      );
      if (config.tickIntervalMs > 0) {
        timers.push(setInterval(() => void service.flush(), config.tickIntervalMs).unref());
      }
      if (config.snapshotIntervalMs > 0 && detection.snapshot) {
        timers.push(setInterval(() => void service.snapshot(), config.snapshotIntervalMs).unref());
      }
      if (config.webhookIntervalMs > 0) {
        let delivering = false;
        const deliver = async () => {
          if (delivering || closed) return;
          delivering = true;
          try {
            await deliverDue(store, { now, fetch: options.fetch, policy: config.webhookRetry });
          } catch (error) {
            if (!closed) log(`webhook delivery error: ${(error as Error).message}`);
          } finally {
            delivering = false;
          }
        };
        timers.push(setInterval(() => void deliver(), config.webhookIntervalMs).unref());
      }
    },

    async ingestExchanges(batch) {
      const { fresh, seq } = await store.appendExchanges(batch);
      await feedExchanges(fresh.length, seq, () => clock.addExchanges(fresh));
      return { stored: fresh.length, duplicates: batch.length - fresh.length };
    },

    async ingestExchangeColumns(batch) {
      const { fresh, seq } = await store.appendExchangeColumns(batch);
      if (fresh.length > 0) await feedExchanges(fresh.length, seq, () => clock.addExchangeRows(batch, fresh));
      return { stored: fresh.length, duplicates: batch.ids.length - fresh.length };
    },

    async ingestAccountEvents(batch) {
      const { fresh, seq } = await store.appendAccountEvents(batch);
      if (fresh.length > 0)
        await enqueue(async () => {
          await clock.addAccountEvents(fresh);
          fed.accountEvents = Math.max(fed.accountEvents, seq);
        });
      return { stored: fresh.length, duplicates: batch.length - fresh.length };
    },

    flush: () =>
      enqueue(async () => {
        await clock.flush();
        await ticks;
      }),
    settled: () => enqueue(drained),

    risk(account) {
      return decideRisk(
        account,
        verdicts.get(account),
        campaignOf(account),
        overrides.get(account),
        config.policy,
      );
    },

    riskJson(account) {
      let answer = riskAnswers.get(account);
      if (answer === undefined) {
        answer = JSON.stringify(service.risk(account));
        if (riskAnswers.size >= 100_000) riskAnswers.clear();
        riskAnswers.set(account, answer);
      }
      return answer;
    },

    listCampaigns(query) {
      const statuses = query.status && query.status.length > 0 ? new Set(query.status) : null;
      const matching = [...campaigns.values()]
        .map((stored) => stored.campaign)
        .filter(
          (campaign) =>
            (statuses === null || statuses.has(campaign.status)) &&
            (query.minScore === undefined || campaign.score >= query.minScore) &&
            (query.since === undefined || Date.parse(campaign.lastSeen) >= query.since) &&
            (query.until === undefined || Date.parse(campaign.firstSeen) <= query.until),
        )
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { campaigns: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
    },

    async campaign(id) {
      const stored = campaigns.get(id);
      if (!stored) return null;
      const { campaign } = stored;
      const members: CampaignMember[] = [];
      const byVerdict: Record<string, number> = {};
      const byCountry: Record<string, number> = {};
      const extraction: Record<string, number> = {};
      const known = new Map(
        (await summariesOf(campaign.accounts)).map((summary) => [summary.account, summary]),
      );
      for (const account of campaign.accounts) {
        const summary = known.get(account) ?? (await store.getSummary(account)) ?? undefined;
        const verdict = verdicts.get(account);
        const residency = summary && detection.residency ? await detection.residency(summary) : null;
        const kind = residency?.verdict ?? 'unknown';
        byVerdict[kind] = (byVerdict[kind] ?? 0) + 1;
        for (const [country, count] of Object.entries(summary?.ipCountries ?? {}))
          byCountry[country] = (byCountry[country] ?? 0) + count;
        for (const [tag, count] of Object.entries(summary?.extraction ?? {}))
          extraction[tag] = (extraction[tag] ?? 0) + count;
        members.push({
          account,
          risk: verdict?.risk ?? 0,
          flaggedAt: verdict?.flaggedAt ?? null,
          exchanges: summary?.exchanges ?? 0,
          declaredCountry: summary?.identity.declaredCountry ?? null,
          residency: kind,
        });
      }
      const activity = await store.activity(campaign.accounts, HOUR_MS);
      const view: CampaignGraphView = (await detection.graph?.(id)) ?? {
        nodes: members.map((member) => ({ id: member.account, risk: member.risk })),
        edges: [],
      };
      return {
        campaign: { ...campaign, history: stored.history },
        members,
        timeline: activity.map((bucket) => ({ hour: toRfc3339(bucket.ts), exchanges: bucket.count })),
        graph: {
          nodes: view.nodes.map((node) => ({ id: node.id, risk: node.risk })),
          edges: view.edges.map((edge) => ({
            source: edge.source,
            target: edge.target,
            weight: edge.weight,
            kinds: edge.kinds,
          })),
        },
        residency: { byVerdict, byCountry },
        extraction,
      };
    },

    async account(id) {
      const summary = (await detection.summary(id)) ?? (await store.getSummary(id));
      if (!summary) return null;
      const verdict = verdicts.get(id) ?? null;
      return {
        account: id,
        summary,
        verdict,
        residency: detection.residency ? await detection.residency(summary) : null,
        links: (await detection.links?.(id)) ?? [],
        campaign: campaignOf(id)?.id ?? verdict?.campaign ?? null,
        override: overrideView(overrides.get(id)),
      };
    },

    blocklist(min) {
      const severity: Record<Decision, number> = { allow: 0, review: 1, challenge: 2, block: 3 };
      const candidates = new Set<string>([...accountCampaign.keys(), ...overrides.keys()]);
      for (const [account, verdict] of verdicts)
        if (verdict.risk >= config.policy.challengeAt) candidates.add(account);
      return [...candidates]
        .sort()
        .map((account) => service.risk(account))
        .filter((decision) => severity[decision.decision] >= severity[min]);
    },

    review(id, action, note, actor) {
      return new Promise((resolve, reject) => {
        void enqueue(async () => {
          try {
            await ticks;
            const stored = campaigns.get(id);
            if (!stored) {
              resolve(null);
              return;
            }
            const record: ReviewRecord = {
              campaign: id,
              action,
              note,
              actor,
              ts: now(),
              accounts: stored.campaign.accounts,
            };
            await store.addReview(record);
            reviews.set(id, record);
            if (detection.review) {
              await detection.review(id, action, note ?? undefined);
              reviewsApplied++;
              verdicts = new Map(detection.verdicts().map((verdict) => [verdict.account, verdict]));
              riskAnswers.clear();
            }
            const fromEngine = detection.review
              ? detection.campaigns().find((campaign) => campaign.id === id)
              : undefined;
            const campaign = fromEngine ?? {
              ...stored.campaign,
              status: action === 'confirm' ? 'confirmed' : 'dismissed',
            };
            const entry: CampaignHistoryEntry = {
              ts: toRfc3339(now()),
              status: campaign.status,
              score: campaign.score,
              actor,
            };
            if (note) entry.note = note;
            await store.putCampaign(campaign, entry);
            const updated = { campaign, history: [...stored.history, entry] };
            campaigns.set(id, updated);
            rebuildIndex();
            await store.audit({
              ts: now(),
              actor,
              action: `campaign.${action}`,
              subject: id,
              details: { note },
            });
            if (action === 'confirm' && stored.campaign.status !== 'confirmed')
              await notify('campaign.confirmed', campaign);
            resolve(updated);
          } catch (error) {
            reject(error);
          }
        });
      });
    },

    async setOverride(account, decision, note, actor) {
      const record: OverrideRecord = { account, decision, note, actor, ts: now() };
      await store.setOverride(record);
      overrides.set(account, record);
      riskAnswers.clear();
      await store.audit({
        ts: now(),
        actor,
        action: 'override.set',
        subject: account,
        details: { decision, note },
      });
      return record;
    },

    async clearOverride(account, actor) {
      const existed = await store.clearOverride(account);
      overrides.delete(account);
      riskAnswers.clear();
      if (existed)
        await store.audit({ ts: now(), actor, action: 'override.clear', subject: account, details: {} });
      return existed;
    },

    overrides: () => [...overrides.values()],

    async addWebhook(url, events, actor, secret) {
      const record: WebhookRecord = {
        id: randomBytes(6).toString('hex'),
        url,
        secret: secret ?? randomBytes(24).toString('base64url'),
        events: events.length > 0 ? events : [...WEBHOOK_EVENTS],
        createdAt: now(),
      };
      await store.addWebhook(record);
      webhooks = await store.listWebhooks();
      await store.audit({
        ts: now(),
        actor,
        action: 'webhook.add',
        subject: record.id,
        details: { url, events: record.events },
      });
      return record;
    },

    async removeWebhook(id, actor) {
      const existed = await store.removeWebhook(id);
      webhooks = await store.listWebhooks();
      if (existed)
        await store.audit({ ts: now(), actor, action: 'webhook.remove', subject: id, details: {} });
      return existed;
    },

    webhooks: () => webhooks.slice(),

    stats() {
      const detectionStats = detection.stats();
      const second = Math.floor(now() / 1000);
      let recent = 0;
      for (let s = second - 10; s < second; s++) recent += rate.get(s) ?? 0;
      const byStatus: Record<string, number> = { suspected: 0, confirmed: 0, dismissed: 0, closed: 0 };
      for (const { campaign } of campaigns.values())
        byStatus[campaign.status] = (byStatus[campaign.status] ?? 0) + 1;
      return {
        exchanges: storedExchanges,
        accounts: detectionStats.accounts,
        ratePerSecond: recent / 10,
        campaigns: byStatus,
        lastTick: lastTick === null ? null : toRfc3339(lastTick),
        detectionLag: queued - applied,
        eventLoopDelayMs: loopDelayMs(),
        detectionHeapMiB: detectionStats.heapMiB ?? null,
      };
    },

    snapshot() {
      return new Promise<boolean>((resolve, reject) => {
        void enqueue(async () => {
          try {
            if (!detection.snapshot) {
              resolve(false);
              return;
            }
            await ticks;
            const state: SavedDetection = {
              version: 1,
              at: now(),
              fed: { ...fed },
              clock: clock.exportState(),
              lastTick,
              reviews: reviewsApplied,
              detection: await detection.snapshot(),
            };
            await store.putSnapshot(SNAPSHOT, serialize(state));
            resolve(true);
          } catch (error) {
            reject(error);
          }
        });
      });
    },

    recovery: () => structuredClone(recovery),

    async close() {
      if (closed) return;
      for (const timer of timers) clearInterval(timer);
      loopDelay.disable();
      // A clean stop leaves a snapshot, so the next start replays nothing.
      if (detection.snapshot && started) {
        await service.flush();
        await service
          .snapshot()
          .catch((error: unknown) => log(`snapshot failed: ${(error as Error).message}`));
      }
      closed = true;
      await queue;
      await ticks;
      await detection.close();
      await store.close();
    },
  };
  return service;
}
