/**
 * human-rhythm (benign-looking: its weight is negative)
 * Catches: a daily rhythm with a night — one minus the share of the cluster's traffic in its
 * quietest six consecutive UTC hours over the 25% a flat, round-the-clock rhythm would put there.
 * Why it lowers suspicion: people sleep; schedulers do not. (Low-and-slow campaigns imitate a
 * diurnal rhythm on purpose, so this weighs little.)
 * Look-alikes that must not pass as benign: a scripted fleet running around the clock (does not
 * fire).
 */
import { defineDetector } from '../detector.js';
import { pct, r3, ratio, unit } from '../stats.js';

interface Obs {
  hourly: number[];
}

export const humanRhythm = defineDetector<Obs>({
  id: 'human-rhythm',
  title: 'depth of the nightly trough of the traffic',
  check: (s) => ({ hourly: s.hourly }),
  finalise(obs) {
    const hours = new Array(24).fill(0);
    for (const o of obs) for (let h = 0; h < 24; h++) hours[h] += o.hourly[h] ?? 0;
    const all = hours.reduce((s, x) => s + x, 0);
    if (all < 50)
      return { value: 0, summary: 'too little traffic for a daily rhythm', facts: { exchanges: all } };
    let quiet = Number.POSITIVE_INFINITY;
    let at = 0;
    for (let h = 0; h < 24; h++) {
      let w = 0;
      for (let k = 0; k < 6; k++) w += hours[(h + k) % 24];
      if (w < quiet) {
        quiet = w;
        at = h;
      }
    }
    const share = ratio(quiet, all);
    const value = unit(1 - share / 0.25);
    return {
      value,
      summary: `benign-looking when high: the quietest six hours (from ${at}:00 UTC) carry ${pct(share)} of the traffic`,
      facts: { quietShare: r3(share), from: at },
    };
  },
});
