/**
 * `distillwatch eval` as a library call (`evaluateResult`): read labels and a result, optionally stream the exchange
 * log for the exposure metrics, score, and write `OUTDIR/score.json`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tallyExposure } from './exposure.js';
import { readLabels } from './labels.js';
import { readResult } from './result.js';
import { flagTimes, type Score, scoreResult } from './score.js';

/** File name of the score inside the result directory. */
export const SCORE_FILE = 'score.json';

/** Inputs of one evaluation. */
export interface EvaluateOptions {
  labelsPath: string;
  resultDir: string;
  /** The exchange log the result was computed from; without it exposure metrics are null. */
  exchangesPath?: string;
  falsePositiveBudget?: number;
}

/** Scores the result in `resultDir` against `labelsPath` (and the log, when given). */
export async function evaluateResult(options: EvaluateOptions): Promise<Score> {
  const labels = await readLabels(options.labelsPath);
  const result = await readResult(options.resultDir);
  const tally = options.exchangesPath
    ? await tallyExposure(options.exchangesPath, labels, flagTimes(result.verdicts))
    : null;
  const score = scoreResult(labels, result, tally, { falsePositiveBudget: options.falsePositiveBudget });
  if (tally && tally.rejected > 0) {
    score.warnings.push(
      `${tally.rejected} of ${tally.lines} lines of ${tally.exchangesFile} were rejected and not counted`,
    );
  }
  return score;
}

/** Writes `score.json` into a directory and returns its path. */
export async function writeScore(dir: string, score: Score): Promise<string> {
  const path = join(dir, SCORE_FILE);
  await writeFile(path, `${JSON.stringify(score, null, 2)}\n`);
  return path;
}
