/** Runs one detector over fixture summaries with a plain context (test support). */
import type { AccountSummary, ResidencyVerdict } from '../../core/types.js';
import type { Detector, DetectorContext, Finding } from '../detector.js';

/** Context options: population holders per value, residency verdict per account, event time. */
export interface RunOptions {
  now?: number;
  holders?: Record<string, number>;
  verdicts?: Record<string, ResidencyVerdict['verdict']>;
}

/** The finding of `detector` on `summaries`. */
export function run<O>(detector: Detector<O>, summaries: AccountSummary[], opts: RunOptions = {}): Finding {
  const ctx: DetectorContext = {
    now: opts.now ?? Date.UTC(2026, 3, 10),
    holders: (_kind, value) => opts.holders?.[value] ?? 0,
    residency: (s) => ({
      account: s.account,
      declaredCountry: s.identity.declaredCountry,
      verdict: opts.verdicts?.[s.account] ?? 'unknown',
      score: 0,
      inferredRegion: null,
      confidence: 0,
      restricted: false,
      evidence: [],
    }),
  };
  return detector.finalise(
    summaries.map((s) => detector.check(s, ctx)),
    ctx,
  );
}
