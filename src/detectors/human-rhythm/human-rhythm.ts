/**
 * human-rhythm (benign-looking: its weight is negative)
 * Catches: a daily rhythm with a night — one minus the share of the cluster's traffic in its
 * quietest six consecutive UTC hours over the 25% a flat, round-the-clock rhythm would put there.
 * Why it lowers suspicion: people sleep; schedulers do not. (Low-and-slow campaigns imitate a
 * diurnal rhythm on purpose, so this weighs little.)
 * Look-alikes that must not pass as benign: a scripted fleet running around the clock (does not
 * fire), nor one that started hours ago: an hour of the day the cluster has not lived through yet
 * is no night, so hours are compared per hour lived (traffic spanning under a day is not judged).
 */
import type { EpochMs } from '../../core/types.js';
import { defineDetector } from '../detector.js';
import { pct, r3, ratio, unit } from '../stats.js';

interface Obs {
  hourly: number[];
  firstSeen: EpochMs | null;
  lastSeen: EpochMs | null;
}

const HOUR = 3_600_000;

/** How many times each UTC hour of the day occurs from `first` to `last` (both inclusive). */
function hoursLived(first: EpochMs, last: EpochMs): number[] {
  const from = Math.floor(first / HOUR);
  const slots = Math.floor(last / HOUR) - from + 1;
  const lived = new Array(24).fill(Math.floor(slots / 24));
  for (let k = 0; k < slots % 24; k++) lived[(from + k) % 24]++;
  return lived;
}

export const humanRhythm = defineDetector<Obs>({
  id: 'human-rhythm',
  title: 'depth of the nightly trough of the traffic',
  check: (s) => ({ hourly: s.hourly, firstSeen: s.firstSeen, lastSeen: s.lastSeen }),
  finalise(obs) {
    const hours = new Array(24).fill(0);
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const o of obs) {
      for (let h = 0; h < 24; h++) hours[h] += o.hourly[h] ?? 0;
      if (o.firstSeen !== null) first = Math.min(first, o.firstSeen);
      if (o.lastSeen !== null) last = Math.max(last, o.lastSeen);
    }
    const all = hours.reduce((s, x) => s + x, 0);
    if (all < 50)
      return { value: 0, summary: 'too little traffic for a daily rhythm', facts: { exchanges: all } };
    // Also when no first or last exchange is known (-Infinity): nothing to judge by.
    if (last - first < 24 * HOUR)
      return {
        value: 0,
        summary: 'under a day of traffic: no night to see yet',
        facts: { hoursSeen: r3((last - first) / HOUR) },
      };
    // Traffic per hour lived, so hours of the day seen once more than others do not look busier.
    const lived = hoursLived(first, last);
    const rate = hours.map((x, h) => x / lived[h]);
    const total = rate.reduce((s, x) => s + x, 0);
    let quiet = Number.POSITIVE_INFINITY;
    let at = 0;
    for (let h = 0; h < 24; h++) {
      let w = 0;
      for (let k = 0; k < 6; k++) w += rate[(h + k) % 24];
      if (w < quiet) {
        quiet = w;
        at = h;
      }
    }
    const share = ratio(quiet, total);
    const value = unit(1 - share / 0.25);
    return {
      value,
      summary: `benign-looking when high: the quietest six hours (from ${at}:00 UTC) carry ${pct(share)} of the traffic`,
      facts: { quietShare: r3(share), from: at },
    };
  },
});
