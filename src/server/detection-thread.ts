/**
 * Entry point of the detection thread: runs the real detection (`createDetection`: pipeline and
 * campaign engine, with its own partition workers) off the HTTP thread, so the global stage's
 * ticks never delay an inline risk lookup. Messages are applied in order; answers to calls carry
 * what changed in the engine's campaigns and verdicts since the previous answer, as JSON (cheaper
 * to pass than thousands of small objects, and the HTTP thread decodes only what changed).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AccountVerdict } from '../core/types.js';
import type { PipelineConfig } from '../pipeline/config.js';
import { DETECTION_NICE, idleThreadPriority, nameThread } from '../store/priority.js';
import type { ExchangeColumns } from '../store/types.js';
import { createDetection } from './detection-default.js';
import type { DetectionChanges, ThreadCall, ThreadReply } from './detection-worker.js';

const port = parentPort;
if (port === null) throw new Error('server/detection-thread.ts must run in a worker thread');

// Detection yields the CPU to the HTTP thread and to ingest: this thread, and the partition
// workers it starts (they inherit it), run in SCHED_IDLE (else at nice 10), so an inline risk
// lookup or an ingest batch takes a core from detection's work at once when the cores are busy;
// detection catches up when they are idle.
idleThreadPriority(DETECTION_NICE);
nameThread('dw-detect');
const detection = createDetection(workerData as Partial<PipelineConfig>);

/** Each campaign as last sent (its JSON), by id; each verdict as last sent, by account. */
const sentCampaigns = new Map<string, string>();
const sentVerdicts = new Map<string, AccountVerdict>();

/**
 * What changed in `current` (by key) since it was last sent: changed items as one JSON array,
 * removed keys. `changedItem` says, from what `sent` holds, whether an item changed: null when not,
 * else what to keep for it and its JSON.
 */
function changesOf<T, S>(
  current: readonly T[],
  keyOf: (item: T) => string,
  sent: Map<string, S>,
  changedItem: (item: T) => { kept: S; json: string } | null,
) {
  const changed: string[] = [];
  for (const item of current) {
    const fresh = changedItem(item);
    if (fresh === null) continue;
    sent.set(keyOf(item), fresh.kept);
    changed.push(fresh.json);
  }
  // Every current key is in `sent` now: more keys there means some are gone.
  let removed: string[] = [];
  if (sent.size > current.length) {
    const present = new Set(current.map(keyOf));
    removed = [...sent.keys()].filter((key) => !present.has(key));
    for (const key of removed) sent.delete(key);
  }
  return { changedJson: `[${changed.join(',')}]`, removed };
}

/** Whether two flat records hold the same fields with the same values (nested values never compare equal). */
function sameFlat(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let fields = 0;
  for (const key in x) {
    if (x[key] !== y[key] || (typeof x[key] === 'object' && x[key] !== null)) return false;
    fields++;
  }
  return fields === Object.keys(y).length;
}

/**
 * The changes since the last answer. Verdicts (four flat fields, one per account, the bulk at
 * every tick) are compared field by field and only the changed ones are encoded; campaigns (few,
 * with nested evidence) by their JSON.
 */
const snapshot = (): DetectionChanges => {
  const campaigns = detection.campaigns();
  return {
    campaignIds: campaigns.map((campaign) => campaign.id),
    campaigns: changesOf(
      campaigns,
      (campaign) => campaign.id,
      sentCampaigns,
      (campaign) => {
        const json = JSON.stringify(campaign);
        return sentCampaigns.get(campaign.id) === json ? null : { kept: json, json };
      },
    ),
    verdicts: changesOf(
      detection.verdicts(),
      (verdict) => verdict.account,
      sentVerdicts,
      (verdict) => {
        const before = sentVerdicts.get(verdict.account);
        return before && sameFlat(before, verdict) ? null : { kept: verdict, json: JSON.stringify(verdict) };
      },
    ),
    stats: detection.stats(),
  };
};

async function answer(call: ThreadCall): Promise<unknown> {
  switch (call.method) {
    case 'tick':
      await detection.tick(call.now, { flush: call.flush });
      return snapshot();
    case 'review':
      await detection.review?.(call.campaign, call.action, call.note);
      return snapshot();
    case 'summary':
      return (await detection.summary(call.account)) ?? null;
    case 'summaries':
      return JSON.stringify(await detection.summaries!(call.accounts));
    case 'graph':
      return (await detection.graph?.(call.campaign)) ?? null;
    case 'links':
      return (await detection.links?.(call.account)) ?? [];
    case 'residency':
      return (await detection.residency?.(call.summary)) ?? null;
    case 'snapshot':
      return await detection.snapshot!();
    case 'restore':
      await detection.restore!(call.data);
      return snapshot();
    case 'settle':
      await detection.settle?.();
      return { stats: detection.stats() };
    case 'close':
      await detection.close();
      return null;
  }
}

type Records =
  | { type: 'exchanges' | 'events'; records: never[] }
  | { type: 'lines'; bytes: Uint8Array; accounts: string[] }
  | { type: 'batch'; id: number; lines: Uint8Array; ends: Uint32Array; accounts: string[] }
  | { type: 'rows'; id: number; rows: number[] }
  | { type: 'release'; id: number };

/** Batches of exchange columns sent once for all their rows, until released. */
const batches = new Map<number, ExchangeColumns>();

port.on('message', (message: ThreadCall | Records) => {
  if ('type' in message) {
    if (message.type === 'lines') detection.ingestExchangeLines!(message.bytes, message.accounts);
    else if (message.type === 'batch')
      batches.set(message.id, {
        ids: [],
        ts: [],
        accounts: message.accounts,
        lines: message.lines,
        ends: message.ends,
      });
    else if (message.type === 'rows') detection.ingestExchangeRows!(batches.get(message.id)!, message.rows);
    else if (message.type === 'release') batches.delete(message.id);
    else if (message.type === 'exchanges') detection.ingestExchanges(message.records);
    else detection.ingestAccountEvents(message.records);
    return;
  }
  answer(message).then(
    (value) => port.postMessage({ id: message.id, ok: true, value } satisfies ThreadReply),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        ok: false,
        error: (error as Error)?.stack ?? String(error),
      } satisfies ThreadReply),
  );
});
