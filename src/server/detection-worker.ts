/**
 * Detection on its own thread (the default of `startServer`): the same `Detection` as
 * `createDetection`, driven by messages. Campaigns, verdicts and counters are cached from the
 * answer of each tick or review (which carries only what changed: an unchanged campaign stays the
 * same object), so the HTTP thread reads them without waiting; records are posted without
 * waiting; everything else is a call answered in order.
 */
import type {
  AccountEvent,
  AccountSummary,
  AccountVerdict,
  CampaignResult,
  EpochMs,
  Exchange,
  ResidencyVerdict,
} from '../core/types.js';
import type { PipelineConfig } from '../pipeline/config.js';
import { DEFAULT_PIPELINE_CONFIG } from '../pipeline/config.js';
import type { ExchangeColumns } from '../store/types.js';
import { largeHeapLimits, startThread } from '../threads/start.js';
import type { AccountLinkView, CampaignGraphView, Detection } from './detection.js';

/** A call to the detection thread. */
export type ThreadCall = { id: number } & (
  | { method: 'tick'; now: EpochMs; flush: boolean }
  | { method: 'review'; campaign: string; action: 'confirm' | 'dismiss'; note?: string }
  | { method: 'summary'; account: string }
  | { method: 'summaries'; accounts: string[] }
  | { method: 'graph'; campaign: string }
  | { method: 'links'; account: string }
  | { method: 'residency'; summary: AccountSummary }
  | { method: 'settle' }
  | { method: 'snapshot' }
  | { method: 'restore'; data: Uint8Array }
  | { method: 'close' }
);

/** The answer to one call. */
export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

type Stats = ReturnType<Detection['stats']>;

/** Items changed since the previous answer (a JSON array) and the keys no longer present. */
export interface Changes {
  changedJson: string;
  removed: string[];
}

/** What the detection thread answers to a tick, review or restore: its conclusions' changes. */
export interface DetectionChanges {
  /** Every campaign's id, in the engine's order. */
  campaignIds: string[];
  campaigns: Changes;
  verdicts: Changes;
  stats: Stats;
}
type Call = ThreadCall extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

const encoder = new TextEncoder();

/** Starts detection on its own thread with the pipeline config (as `scan` takes it). */
export function startDetectionThread(config: Partial<PipelineConfig> = {}): Detection {
  const full = { ...DEFAULT_PIPELINE_CONFIG, ...config };
  // Detection holds every account's state and the campaign engine: it gets the heap `scan` gets
  // (V8 would cap the thread at ~4 GiB, which a full-scale world outgrows), its workers the same.
  const worker = startThread(import.meta.url, 'detection-thread', full, largeHeapLimits());
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;
  const campaignById = new Map<string, CampaignResult>();
  const verdictByAccount = new Map<string, AccountVerdict>();
  let campaigns: CampaignResult[] = [];
  let verdicts: AccountVerdict[] = [];
  let stats: Stats = { accounts: 0, ticks: 0, lastTick: null };

  const fail = (error: Error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: ThreadReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.value);
    else waiter?.reject(new Error(`detection thread: ${reply.error}`));
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => {
    if (pending.size > 0) fail(new Error(`detection thread exited with code ${code}`));
  });

  const call = <T>(message: Call): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  };
  const adopt = (changes: DetectionChanges) => {
    for (const campaign of JSON.parse(changes.campaigns.changedJson) as CampaignResult[])
      campaignById.set(campaign.id, campaign);
    for (const id of changes.campaigns.removed) campaignById.delete(id);
    campaigns = changes.campaignIds.map((id) => campaignById.get(id)!);
    const changedVerdicts = JSON.parse(changes.verdicts.changedJson) as AccountVerdict[];
    for (const verdict of changedVerdicts) verdictByAccount.set(verdict.account, verdict);
    for (const account of changes.verdicts.removed) verdictByAccount.delete(account);
    if (changedVerdicts.length > 0 || changes.verdicts.removed.length > 0)
      verdicts = [...verdictByAccount.values()];
    stats = changes.stats;
  };
  /**
   * Texts as one UTF-8 buffer, moved (not copied) to the detection thread when it owns its
   * memory: far cheaper for this thread than cloning a thousand strings.
   */
  const postLines = (bytes: Uint8Array, accounts: string[]) => {
    if (failure) throw failure;
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    worker.postMessage({ type: 'lines', bytes, accounts }, owned ? [bytes.buffer as ArrayBuffer] : []);
  };
  /** Batches of exchange columns whose texts the thread holds, by id (see `ingestExchangeRows`). */
  const batchIds = new WeakMap<ExchangeColumns, number>();
  let nextBatch = 1;
  const post = (type: 'exchanges' | 'events', records: readonly unknown[]) => {
    if (failure) throw failure;
    worker.postMessage({ type, records });
  };

  return {
    tickMs: full.tickMs,
    reorderMs: full.reorderMs,
    ingestExchanges: (batch: readonly Exchange[]) => post('exchanges', batch),
    ingestExchangeTexts: (texts, accounts) => postLines(encoder.encode(texts.join('\n')), accounts),
    ingestExchangeLines: postLines,
    ingestExchangeRows(batch, rows) {
      if (failure) throw failure;
      let id = batchIds.get(batch);
      if (id === undefined) {
        id = nextBatch++;
        batchIds.set(batch, id);
        // Copied into the message once (no new buffer on this thread), kept there until released.
        worker.postMessage({
          type: 'batch',
          id,
          lines: batch.lines,
          ends: batch.ends,
          accounts: batch.accounts,
        });
      }
      worker.postMessage({ type: 'rows', id, rows });
    },
    releaseRows(batch) {
      const id = batchIds.get(batch);
      if (id === undefined || failure) return;
      batchIds.delete(batch);
      worker.postMessage({ type: 'release', id });
    },
    ingestAccountEvents: (batch: readonly AccountEvent[]) => post('events', batch),
    async tick(now, options) {
      adopt(await call<DetectionChanges>({ method: 'tick', now, flush: options?.flush ?? false }));
    },
    campaigns: () => campaigns,
    verdicts: () => verdicts,
    stats: () => stats,
    async summary(account) {
      return (await call<AccountSummary | null>({ method: 'summary', account })) ?? undefined;
    },
    async summaries(accounts) {
      return JSON.parse(
        await call<string>({ method: 'summaries', accounts: [...accounts] }),
      ) as AccountSummary[];
    },
    async graph(campaign) {
      return (await call<CampaignGraphView | null>({ method: 'graph', campaign })) ?? undefined;
    },
    links: (account) => call<AccountLinkView[]>({ method: 'links', account }),
    async residency(summary) {
      return (await call<ResidencyVerdict>({ method: 'residency', summary })) as ResidencyVerdict;
    },
    async review(campaign, action, note) {
      adopt(await call<DetectionChanges>({ method: 'review', campaign, action, note }));
    },
    async settle() {
      stats = (await call<{ stats: Stats }>({ method: 'settle' })).stats;
    },
    snapshot: () => call<Uint8Array>({ method: 'snapshot' }),
    async restore(data) {
      adopt(await call<DetectionChanges>({ method: 'restore', data }));
    },
    async close() {
      if (!failure) await call({ method: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
