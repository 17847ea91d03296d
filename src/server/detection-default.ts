/**
 * The real detection of the live service: the pipeline wired to the campaign engine exactly as
 * `scan` wires it (`createScanPipeline`, `engineFromConfig`), plus the engine's explanations
 * (graph, links, review), the residency verdict of one account summary, and `settle`.
 */

import { deserialize, serialize } from 'node:v8';
import { residencyInputOf } from '../core/summary.js';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from '../pipeline/config.js';
import { LINE_EXCHANGE, type LineBatch } from '../pipeline/partition.js';
import type { PipelineState } from '../pipeline/pipeline.js';
import { partitionOf } from '../pipeline/route.js';
import { createScanPipeline, engineFromConfig } from '../pipeline/scan.js';
import { residencyVerdict } from '../residency/index.js';
import {
  type CampaignEngine,
  type EngineConfig,
  type EngineJSON,
  restoreCampaignEngine,
} from '../score/index.js';
import { heapMiB } from '../threads/start.js';
import type { Detection } from './detection.js';

/**
 * JSON texts of exchanges as a pipeline line batch (the partitions decode them, as in `scan`).
 * Texts hold no raw newline (JSON escapes it), so each line ends at its newline.
 */
export function lineBatch(texts: readonly string[]): LineBatch {
  const bytes = Buffer.from(texts.join('\n'));
  const count = texts.length;
  const ends = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < count - 1; i++) {
    at = bytes.indexOf(0x0a, at);
    ends[i] = at;
    at++;
  }
  if (count > 0) ends[count - 1] = bytes.length;
  return {
    file: 'live',
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ends,
    lines: new Float64Array(count),
    kinds: new Uint8Array(count).fill(LINE_EXCHANGE),
    count,
  };
}

/** What `createDetection` snapshots: the pipeline's per-event state and the engine's state. */
interface DetectionState {
  version: 1;
  pipeline: PipelineState;
  engine: EngineJSON;
}

/** Creates the pipeline + campaign engine the server runs (same wiring as `scan`). */
export function createDetection(config: Partial<PipelineConfig> = {}): Detection {
  const full: PipelineConfig = { ...DEFAULT_PIPELINE_CONFIG, ...config };
  let engine: CampaignEngine = engineFromConfig(full);
  let pipeline = createScanPipeline(full, { engine });
  // One account id per partition: asking for their summaries is a round trip through every
  // partition's queue, so it resolves only once everything posted before it was applied.
  const probes: string[] = [];
  const covered = new Set<number>();
  for (let i = 0; covered.size < pipeline.partitions; i++) {
    const probe = `\u0000settle-${i}`;
    const partition = partitionOf(probe, pipeline.partitions);
    if (!covered.has(partition)) {
      covered.add(partition);
      probes.push(probe);
    }
  }
  /**
   * Rows of newline-joined texts (text i ends at `ends[i]`, the next starts after its newline) as
   * one line batch per partition, in row order: their bytes are copied once, into the batches.
   */
  const ingestRows = (
    lines: Uint8Array,
    ends: Uint32Array,
    accounts: readonly string[],
    rows: readonly number[],
  ) => {
    const n = pipeline.partitions;
    const byPartition: number[][] = Array.from({ length: n }, () => []);
    for (const i of rows) byPartition[partitionOf(accounts[i], n)].push(i);
    const startOf = (i: number) => (i === 0 ? 0 : ends[i - 1] + 1);
    for (let p = 0; p < n; p++) {
      const mine = byPartition[p];
      if (mine.length === 0) continue;
      let size = 0;
      for (const i of mine) size += ends[i] - startOf(i);
      const bytes = new Uint8Array(size);
      const out = new Uint32Array(mine.length);
      let at = 0;
      for (let k = 0; k < mine.length; k++) {
        const i = mine[k];
        bytes.set(lines.subarray(startOf(i), ends[i]), at);
        at += ends[i] - startOf(i);
        out[k] = at;
      }
      pipeline.ingestLines(p, {
        file: 'live',
        bytes,
        ends: out,
        lines: new Float64Array(mine.length),
        kinds: new Uint8Array(mine.length).fill(LINE_EXCHANGE),
        count: mine.length,
      });
    }
  };
  return {
    tickMs: full.tickMs,
    reorderMs: full.reorderMs,
    ingestExchanges: (batch) => pipeline.ingestExchanges(batch),
    ingestExchangeTexts(texts, accounts) {
      const byPartition = new Map<number, string[]>();
      for (let i = 0; i < texts.length; i++) {
        const partition = partitionOf(accounts[i], pipeline.partitions);
        const list = byPartition.get(partition);
        if (list) list.push(texts[i]);
        else byPartition.set(partition, [texts[i]]);
      }
      for (const [partition, list] of byPartition) pipeline.ingestLines(partition, lineBatch(list));
    },
    ingestExchangeLines(bytes, accounts) {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const ends = new Uint32Array(accounts.length);
      for (let i = 0, at = 0; i < accounts.length - 1; i++) {
        at = buffer.indexOf(0x0a, at);
        ends[i] = at++;
      }
      if (accounts.length > 0) ends[accounts.length - 1] = bytes.length;
      ingestRows(bytes, ends, accounts, Array.from(accounts.keys()));
    },
    ingestExchangeRows: (batch, rows) => ingestRows(batch.lines, batch.ends, batch.accounts, rows),
    ingestAccountEvents: (batch) => pipeline.ingestAccountEvents(batch),
    tick: (now, options) => pipeline.tick(now, options),
    campaigns: () => pipeline.campaigns(),
    verdicts: () => pipeline.verdicts(),
    summary: (account) => pipeline.summary(account),
    summaries: (accounts) => pipeline.summaries(accounts),
    stats: () => ({ ...pipeline.stats(), heapMiB: heapMiB() }),
    close: () => pipeline.close(),
    settle: async () => {
      await pipeline.summaries(probes);
    },
    async snapshot() {
      const state: DetectionState = {
        version: 1,
        pipeline: await pipeline.exportState(),
        engine: engine.toJSON(),
      };
      return serialize(state);
    },
    async restore(data) {
      const state = deserialize(data) as DetectionState;
      if (state?.version !== 1) throw new Error('detection snapshot of an unknown version');
      await pipeline.close();
      engine = restoreCampaignEngine(state.engine, {
        ...(full.engine as Partial<EngineConfig>),
        residency: (input) => residencyVerdict(input),
      });
      pipeline = createScanPipeline(full, { engine });
      await pipeline.importState(state.pipeline);
    },
    graph: (id) => engine.graph(id),
    links: (account) => engine.links(account),
    review: (id, action, note) => engine.review(id, action, note),
    residency: (summary) => residencyVerdict(residencyInputOf(summary)),
  };
}
