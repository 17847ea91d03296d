/**
 * volume-uniformity
 * Catches: load spread evenly over many accounts — one minus the coefficient of variation of the
 * exchanges per active account (five or more).
 * Why suspicious: an operator distributes its prompt queue across its accounts to stay under
 * per-account limits, so each carries about the same volume; real users are heavy-tailed (a few
 * heavy users, many light ones).
 * Benign look-alikes: a university cohort with a few heavy and many light users (does not fire).
 */
import { defineDetector } from '../detector.js';
import { r3, unit } from '../stats.js';

interface Obs {
  exchanges: number;
}

export const volumeUniformity = defineDetector<Obs>({
  id: 'volume-uniformity',
  title: 'evenness of the exchanges per account',
  check: (s) => ({ exchanges: s.exchanges }),
  finalise(obs) {
    const v = obs.map((o) => o.exchanges).filter((n) => n > 0);
    if (v.length < 5) return { value: 0, summary: 'too few active accounts', facts: { active: v.length } };
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
    const cv = sd / mean;
    return {
      value: unit(1 - cv),
      summary: `exchanges per account vary by ${r3(cv)} of the mean (${Math.round(mean)} on average over ${v.length} accounts)`,
      facts: { cv: r3(cv), mean: r3(mean), active: v.length },
    };
  },
});
