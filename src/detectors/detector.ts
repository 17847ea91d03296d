/**
 * The shape every detector has (one folder per signal, registered in index.ts). A detector reads a
 * cluster of account summaries the pySigma way: `check` looks at one account and returns a small
 * observation, `finalise` looks at all observations of the cluster at once and returns a finding
 * with a value in [0, 1] and the facts behind it. The score (src/score) multiplies the value by
 * the detector's weight from the versioned weights file: detectors measure, they do not decide.
 * A detector never imports another; shared arithmetic lives in stats.ts.
 */
import type { AccountSummary, EpochMs, ResidencyVerdict } from '../core/types.js';

/** What a detector may ask about the world beyond the cluster (all of it known at `now`). */
export interface DetectorContext {
  /** Event time of the tick. */
  now: EpochMs;
  /** How many accounts in the whole population hold a value of a linking kind ('template', 'band', 'prefix'...). */
  holders(kind: 'template' | 'band' | 'prefix' | 'ip' | 'asn', value: string): number;
  /** The residency verdict of an account (cached by the engine). */
  residency(s: AccountSummary): ResidencyVerdict;
}

/** A detector's finding about one cluster. */
export interface Finding {
  /** 0 (nothing) .. 1 (as strong as it gets). */
  value: number;
  /** One sentence a reviewer can check. */
  summary: string;
  facts?: Record<string, unknown>;
}

/** One signal over a cluster of accounts. */
export interface Detector<O = unknown> {
  id: string;
  /** One line: what it measures. */
  title: string;
  /** Per account: a small observation. */
  check(account: AccountSummary, ctx: DetectorContext): O;
  /** Whole cluster: the finding. */
  finalise(observations: O[], ctx: DetectorContext): Finding;
}

/** Helper to keep a detector's observation type while listing detectors together. */
export function defineDetector<O>(d: Detector<O>): Detector<O> {
  return d;
}
