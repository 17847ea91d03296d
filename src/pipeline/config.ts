/**
 * Pipeline configuration: defaults, and the JSON config file of `scan` (validated with valibot,
 * every problem reported with its field). Engine thresholds pass through untouched to the
 * campaign engine, which validates its own part.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { DEFAULT_LIMITS, type StateLimits } from '../behaviour/index.js';
import { OperatorError } from '../core/errors.js';
import { HOUR_MS } from '../core/time.js';
import { DEFAULT_SUMMARY_POLICY, type SummaryPolicy } from './partition.js';

/** Everything `createPipeline` and `replay` read. */
export interface PipelineConfig {
  /** Event-time interval between ticks of the global stage (default one hour). */
  tickMs: number;
  /** How late a record may arrive and still land in its own tick (default 5 minutes). */
  reorderMs: number;
  /** Worker threads for the per-event stages; 0 runs them on the calling thread. */
  workers: number;
  /** Sizes of the per-account bounded counters. */
  limits: StateLimits;
  /** When a changed account's summary goes to the global stage. */
  summaries: SummaryPolicy;
  /** Options of the per-event stages (fingerprinter, enricher), passed to `createStages`. */
  stages: Record<string, unknown>;
  /** Options passed through to the campaign engine (thresholds, weights file...). */
  engine: Record<string, unknown>;
}

/** The defaults: hourly ticks, 5-minute reorder window, in-process per-event stages. */
export const DEFAULT_PIPELINE_CONFIG: PipelineConfig = {
  tickMs: HOUR_MS,
  reorderMs: 5 * 60_000,
  workers: 0,
  limits: DEFAULT_LIMITS,
  summaries: DEFAULT_SUMMARY_POLICY,
  stages: {},
  engine: {},
};

const PositiveInt = v.pipe(
  v.number('must be a number'),
  v.integer('must be an integer'),
  v.minValue(1, 'must be >= 1'),
);

/** The config file: every field optional; durations in seconds or minutes for readability. */
export const PipelineConfigFileSchema = v.strictObject(
  {
    tickMinutes: v.optional(v.pipe(v.number('must be a number'), v.minValue(1, 'must be >= 1 minute'))),
    reorderSeconds: v.optional(v.pipe(v.number('must be a number'), v.minValue(0, 'must be >= 0'))),
    workers: v.optional(
      v.pipe(
        v.number('must be a number'),
        v.integer('must be an integer'),
        v.minValue(0, 'must be >= 0'),
        v.maxValue(64, 'must be <= 64'),
      ),
    ),
    limits: v.optional(
      v.strictObject({
        topK: v.optional(PositiveInt),
        templates: v.optional(PositiveInt),
        bands: v.optional(PositiveInt),
        days: v.optional(PositiveInt),
        examples: v.optional(PositiveInt),
        exampleChars: v.optional(PositiveInt),
        temperatures: v.optional(PositiveInt),
      }),
    ),
    summaries: v.optional(
      v.strictObject({
        growth: v.optional(v.pipe(v.number('must be a number'), v.minValue(0, 'must be >= 0'))),
        maxAgeMinutes: v.optional(v.pipe(v.number('must be a number'), v.minValue(0, 'must be >= 0'))),
      }),
    ),
    stages: v.optional(v.record(v.string(), v.unknown(), 'must be an object')),
    engine: v.optional(v.record(v.string(), v.unknown(), 'must be an object')),
  },
  'unknown field (allowed: tickMinutes, reorderSeconds, workers, limits, summaries, stages, engine)',
);

export type PipelineConfigFile = v.InferOutput<typeof PipelineConfigFileSchema>;

/** The pipeline config a config file describes (defaults for what it leaves out). */
export function configFromFile(
  file: PipelineConfigFile,
  base: PipelineConfig = DEFAULT_PIPELINE_CONFIG,
): PipelineConfig {
  return {
    tickMs: file.tickMinutes !== undefined ? Math.round(file.tickMinutes * 60_000) : base.tickMs,
    reorderMs: file.reorderSeconds !== undefined ? Math.round(file.reorderSeconds * 1000) : base.reorderMs,
    workers: file.workers ?? base.workers,
    limits: { ...base.limits, ...file.limits },
    summaries: {
      growth: file.summaries?.growth ?? base.summaries.growth,
      maxAgeMs:
        file.summaries?.maxAgeMinutes !== undefined
          ? Math.round(file.summaries.maxAgeMinutes * 60_000)
          : base.summaries.maxAgeMs,
    },
    stages: { ...base.stages, ...file.stages },
    engine: { ...base.engine, ...file.engine },
  };
}

/** Reads and validates a JSON config file; throws an OperatorError (kind 'config') naming each bad field. */
export function loadPipelineConfig(path: string, base?: PipelineConfig): PipelineConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new OperatorError('config', `cannot read config file ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new OperatorError('config', `config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = v.safeParse(PipelineConfigFileSchema, value);
  if (!parsed.success) {
    const lines = parsed.issues.map((issue) => `  ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
    throw new OperatorError('config', `config file ${path} is invalid:\n${lines.join('\n')}`);
  }
  return configFromFile(parsed.output, base);
}
