/**
 * The explainable cluster score: every registered detector measures the cluster, each value is
 * multiplied by its weight from the versioned weights file, and the sum (plus a bias) goes
 * through a logistic function. Each detector's contribution is one Evidence item, so the score is
 * exactly the sum a reviewer reads.
 */
import type { AccountSummary, Evidence } from '../core/types.js';
import type { Detector, DetectorContext } from '../detectors/index.js';
import type { ScoreWeights } from './weights.js';

/** One detector's part of a score. */
export interface Contribution {
  detector: string;
  value: number;
  contribution: number;
  summary: string;
  facts?: Record<string, unknown>;
}

/** A scored cluster. */
export interface ClusterScore {
  score: number;
  logit: number;
  contributions: Contribution[];
  evidence: Evidence[];
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Every detector's value on a cluster (the feature vector the weights are fitted on). */
export function measureCluster(
  members: readonly AccountSummary[],
  ctx: DetectorContext,
  detectors: readonly Detector<unknown>[],
): Contribution[] {
  return detectors.map((d) => {
    const obs = members.map((s) => d.check(s, ctx));
    const f = d.finalise(obs, ctx);
    return { detector: d.id, value: f.value, contribution: 0, summary: f.summary, facts: f.facts };
  });
}

/** Scores measured features with the weights; evidence is sorted by the size of each contribution. */
export function scoreFeatures(features: Contribution[], weights: ScoreWeights): ClusterScore {
  let logit = weights.bias;
  const contributions = features.map((f) => {
    const contribution = (weights.weights[f.detector] ?? 0) * f.value;
    logit += contribution;
    return { ...f, contribution };
  });
  const evidence: Evidence[] = contributions
    .filter((c) => Math.abs(c.contribution) >= 0.05)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.detector < b.detector ? -1 : 1))
    .map((c) => ({
      kind: c.detector,
      weight: Math.round(c.contribution * 100) / 100,
      summary: c.summary,
      facts: { value: Math.round(c.value * 1000) / 1000, ...c.facts },
    }));
  return { score: sigmoid(logit), logit, contributions, evidence };
}

/** Measures and scores a cluster. */
export function scoreCluster(
  members: readonly AccountSummary[],
  ctx: DetectorContext,
  detectors: readonly Detector<unknown>[],
  weights: ScoreWeights,
): ClusterScore {
  return scoreFeatures(measureCluster(members, ctx, detectors), weights);
}
