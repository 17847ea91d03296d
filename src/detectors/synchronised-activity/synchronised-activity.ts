/**
 * synchronised-activity
 * Catches: accounts active on the same days in the same proportions (SynchroTrap-style, on the
 * per-day activity each summary keeps): the mean cosine similarity of each account's daily
 * activity vector to the cluster's, rescaled so that 0.5 (loosely related rhythms) reads as 0.
 * Why suspicious: accounts driven by one scheduler start, surge and stop together.
 * Benign look-alikes: users who share a network but come and go on their own days (does not
 * fire); an always-on enterprise pipeline (fires: organisation-cohesion carries the benign side).
 */
import { defineDetector } from '../detector.js';
import { cosine, pct, r3, unit } from '../stats.js';

interface Obs {
  daily: Record<string, number>;
}

export const synchronisedActivity = defineDetector<Obs>({
  id: 'synchronised-activity',
  title: 'similarity of the accounts’ day-by-day activity',
  check: (s) => ({ daily: s.daily }),
  finalise(obs) {
    const active = obs.filter((o) => Object.keys(o.daily).length >= 2);
    if (active.length < 3)
      return {
        value: 0,
        summary: 'too few accounts active on several days',
        facts: { active: active.length },
      };
    const days = [...new Set(active.flatMap((o) => Object.keys(o.daily)))].sort();
    const vectors = active.map((o) => days.map((d) => o.daily[d] ?? 0));
    const mean = days.map((_, i) => vectors.reduce((s, v) => s + v[i], 0));
    let sum = 0;
    for (const v of vectors) sum += cosine(v, mean);
    const similarity = sum / vectors.length;
    const value = unit((similarity - 0.5) / 0.5);
    return {
      value,
      summary: `day-by-day activity of ${active.length} accounts has a mean similarity of ${pct(similarity)} to the cluster's`,
      facts: { similarity: r3(similarity), days: days.length },
    };
  },
});
