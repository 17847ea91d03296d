/**
 * The real detection of the live service: the pipeline wired to the campaign engine as `scan`
 * wires it (engine options from the pipeline config's `engine` part, residency verdicts from
 * src/residency), plus the engine's explanations (graph, links, review) and the residency verdict
 * of one account summary.
 */
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from '../pipeline/config.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { residencyVerdict } from '../residency/index.js';
import { createCampaignEngine, type EngineConfig } from '../score/engine.js';
import { residencyInputOf } from '../score/residency.js';
import type { Detection } from './detection.js';

/** Creates the pipeline + campaign engine the server runs (same wiring as `scan`). */
export function createDetection(config: Partial<PipelineConfig> = {}): Detection {
  const full: PipelineConfig = { ...DEFAULT_PIPELINE_CONFIG, ...config };
  const engine = createCampaignEngine({
    ...(full.engine as Partial<EngineConfig>),
    residency: (input) => residencyVerdict(input),
  });
  const pipeline = createPipeline(full, { engine });
  return {
    tickMs: full.tickMs,
    reorderMs: full.reorderMs,
    ingestExchanges: (batch) => pipeline.ingestExchanges(batch),
    ingestAccountEvents: (batch) => pipeline.ingestAccountEvents(batch),
    tick: (now, options) => pipeline.tick(now, options),
    campaigns: () => pipeline.campaigns(),
    verdicts: () => pipeline.verdicts(),
    summary: (account) => pipeline.summary(account),
    stats: () => pipeline.stats(),
    close: () => pipeline.close(),
    graph: (id) => engine.graph(id),
    links: (account) => engine.links(account),
    review: (id, action, note) => engine.review(id, action, note),
    residency: (summary) => residencyVerdict(residencyInputOf(summary)),
  };
}
