/**
 * A whole scan, as a library call: replay the logs through a pipeline wired to the campaign
 * engine, then write the result contract (`campaigns.json`, `verdicts.ndjson`, via src/eval)
 * and `report.md` (src/sinks/report). The `scan` command and the benchmark call this.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccountSummary, CampaignResult, InputIssue } from '../core/types.js';
import { writeResult } from '../eval/result.js';
import { residencyVerdict } from '../residency/index.js';
import {
  type CampaignEngine,
  createCampaignEngine,
  type EngineConfig,
  type TickResult,
} from '../score/index.js';
import { renderReport } from '../sinks/report/index.js';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from './config.js';
import { createPipeline, type Pipeline, type PipelineParts } from './pipeline.js';
import { type ReplayProgress, type ReplaySummary, replay } from './replay.js';

/** The campaign engine configured from the pipeline config's `engine` part (JSON-able fields only). */
export function engineFromConfig(config: PipelineConfig): CampaignEngine {
  const fromFile = config.engine as Partial<EngineConfig>;
  return createCampaignEngine({ ...fromFile, residency: (input) => residencyVerdict(input) });
}

/** A pipeline wired to the campaign engine: what `scan` and the server run. */
export function createScanPipeline(
  config: PipelineConfig,
  parts: Partial<PipelineParts<TickResult>> = {},
): Pipeline<TickResult> {
  return createPipeline(config, { ...parts, engine: parts.engine ?? engineFromConfig(config) });
}

/** What to scan. */
export interface ScanOptions {
  exchanges: string;
  accounts?: string;
  out: string;
  config?: PipelineConfig;
  /** Issues kept for the report (all are passed to `onIssue`). */
  keepIssues?: number;
  onIssue?: (issue: InputIssue) => void;
  /** Progress with the campaigns detected so far. */
  onProgress?: (progress: ReplayProgress & { campaigns: number }) => void;
  /** Per-event stages for an in-process run (tests); workers always build the default ones. */
  parts?: Partial<PipelineParts<TickResult>>;
}

/** The outcome of a scan. */
export interface ScanResult {
  replay: ReplaySummary;
  campaigns: CampaignResult[];
  flagged: number;
  verdicts: number;
  wallMs: number;
  files: { campaigns: string; verdicts: string; report: string };
}

/** Replays the logs and writes `campaigns.json`, `verdicts.ndjson` and `report.md` into `out`. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const config = options.config ?? DEFAULT_PIPELINE_CONFIG;
  const started = Date.now();
  const pipeline = createScanPipeline(config, options.parts);
  const issues: InputIssue[] = [];
  const keep = options.keepIssues ?? 50;
  let campaignsSoFar = 0;
  try {
    const summary = await replay(pipeline, {
      exchanges: options.exchanges,
      accounts: options.accounts,
      tickMs: config.tickMs,
      reorderMs: config.reorderMs,
      onIssue: (issue) => {
        if (issues.length < keep) issues.push(issue);
        options.onIssue?.(issue);
      },
      onTick: (tick) => {
        campaignsSoFar = tick.result.campaigns;
      },
      onProgress: (progress) => options.onProgress?.({ ...progress, campaigns: campaignsSoFar }),
    });
    const campaigns = pipeline.campaigns();
    const verdicts = pipeline.verdicts();
    await writeResult(options.out, campaigns, verdicts);

    const shown = campaigns.filter((c) => c.status === 'suspected' || c.status === 'confirmed');
    const members = [...new Set(shown.flatMap((c) => c.accounts))];
    const summaries = new Map<string, AccountSummary>();
    for (const s of await pipeline.summaries(members)) summaries.set(s.account, s);
    const wallMs = Date.now() - started;
    const report = renderReport({
      input: {
        file: summary.file,
        accountsFile: options.accounts ?? null,
        lines: summary.lines,
        exchanges: summary.exchanges,
        accountEvents: summary.accountEvents,
        rejected: summary.rejected,
        late: summary.late,
        lateExamples: summary.lateExamples,
        accounts: summary.accounts,
        firstTs: summary.firstTs,
        lastTs: summary.lastTs,
        ticks: summary.ticks,
        tickMs: config.tickMs,
        wallMs,
      },
      campaigns,
      verdicts,
      summaries,
      issues,
    });
    const reportPath = join(options.out, 'report.md');
    await writeFile(reportPath, report);
    return {
      replay: summary,
      campaigns,
      flagged: verdicts.filter((v) => v.flaggedAt !== null).length,
      verdicts: verdicts.length,
      wallMs,
      files: {
        campaigns: join(options.out, 'campaigns.json'),
        verdicts: join(options.out, 'verdicts.ndjson'),
        report: reportPath,
      },
    };
  } finally {
    await pipeline.close();
  }
}
