/**
 * The real detection of the live service: the pipeline wired to the campaign engine exactly as
 * `scan` wires it (`createScanPipeline`, `engineFromConfig`), plus the engine's explanations
 * (graph, links, review), the residency verdict of one account summary, and `settle`.
 */

import { residencyInputOf } from '../core/summary.js';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from '../pipeline/config.js';
import { partitionOf } from '../pipeline/route.js';
import { createScanPipeline, engineFromConfig } from '../pipeline/scan.js';
import { residencyVerdict } from '../residency/index.js';
import type { Detection } from './detection.js';

/** Creates the pipeline + campaign engine the server runs (same wiring as `scan`). */
export function createDetection(config: Partial<PipelineConfig> = {}): Detection {
  const full: PipelineConfig = { ...DEFAULT_PIPELINE_CONFIG, ...config };
  const engine = engineFromConfig(full);
  const pipeline = createScanPipeline(full, { engine });
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
  return {
    tickMs: full.tickMs,
    reorderMs: full.reorderMs,
    ingestExchanges: (batch) => pipeline.ingestExchanges(batch),
    ingestAccountEvents: (batch) => pipeline.ingestAccountEvents(batch),
    tick: (now, options) => pipeline.tick(now, options),
    campaigns: () => pipeline.campaigns(),
    verdicts: () => pipeline.verdicts(),
    summary: (account) => pipeline.summary(account),
    summaries: (accounts) => pipeline.summaries(accounts),
    stats: () => pipeline.stats(),
    close: () => pipeline.close(),
    settle: async () => {
      await pipeline.summaries(probes);
    },
    graph: (id) => engine.graph(id),
    links: (account) => engine.links(account),
    review: (id, action, note) => engine.review(id, action, note),
    residency: (summary) => residencyVerdict(residencyInputOf(summary)),
  };
}
