/**
 * model-pivot
 * Catches: accounts that move a large part of their traffic to a model they had not used before,
 * on the same day as each other — the largest same-day pivot as a share of the cluster's
 * accounts that have at least a day of history.
 * Why suspicious: a harvesting operator re-points its whole fleet at a newly released model within
 * hours; independent users adopt a new model over days and weeks.
 * Benign look-alikes: users adopting a model one by one over several weeks (does not fire).
 */
import { defineDetector } from '../detector.js';
import { ratio } from '../stats.js';

const DAY = 86_400_000;

interface Obs {
  history: boolean;
  pivots: string[];
}

export const modelPivot = defineDetector<Obs>({
  id: 'model-pivot',
  title: 'share of accounts pivoting to the same new model on the same day',
  check: (s) => {
    if (s.firstSeen === null || s.lastSeen === null || s.exchanges === 0)
      return { history: false, pivots: [] };
    const first = s.firstSeen;
    const pivots: string[] = [];
    for (const [model, t] of Object.entries(s.modelFirstUse)) {
      if (t - first < DAY) continue;
      if ((s.models[model] ?? 0) < 0.2 * s.exchanges) continue;
      pivots.push(`${model}@${Math.floor(t / DAY)}`);
    }
    return { history: s.lastSeen - first >= DAY, pivots };
  },
  finalise(obs) {
    const history = obs.filter((o) => o.history).length;
    const buckets = new Map<string, number>();
    for (const o of obs) for (const p of o.pivots) buckets.set(p, (buckets.get(p) ?? 0) + 1);
    let best: [string, number] = ['', 0];
    for (const [k, n] of buckets) if (n > best[1] || (n === best[1] && k < best[0])) best = [k, n];
    const value = history >= 3 && best[1] >= 3 ? ratio(best[1], history) : 0;
    const [model, day] = best[0].split('@');
    return {
      value,
      summary:
        value > 0
          ? `${best[1]} of ${history} accounts moved to ${model} on the same day`
          : 'no common model pivot',
      facts: {
        model: model || null,
        day: day ? new Date(Number(day) * DAY).toISOString().slice(0, 10) : null,
        accounts: best[1],
      },
    };
  },
});
