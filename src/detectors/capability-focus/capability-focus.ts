/**
 * capability-focus
 * Catches: traffic concentrated on the capabilities worth copying (agentic, tool use, coding,
 * long-horizon, reasoning), as their share of all capability tags of the cluster's exchanges.
 * Why suspicious: distillation campaigns target exactly these; ordinary use spreads over chat,
 * writing, translation and knowledge questions.
 * Benign look-alikes: a cluster of casual chat and writing users (does not fire); agent developers
 * (fire partly: a weak feature, weighted accordingly).
 */
import { defineDetector } from '../detector.js';
import { pct, r3, ratio } from '../stats.js';

const TARGETED = new Set(['agentic', 'tool-use', 'coding', 'long-horizon', 'reasoning']);

interface Obs {
  capabilities: Record<string, number>;
}

export const capabilityFocus = defineDetector<Obs>({
  id: 'capability-focus',
  title: 'share of capability tags on agentic, tool-use, coding, long-horizon and reasoning work',
  check: (s) => ({ capabilities: s.capabilities }),
  finalise(obs) {
    const all: Record<string, number> = {};
    for (const o of obs) for (const [c, n] of Object.entries(o.capabilities)) all[c] = (all[c] ?? 0) + n;
    let targeted = 0;
    let sum = 0;
    for (const [c, n] of Object.entries(all)) {
      sum += n;
      if (TARGETED.has(c)) targeted += n;
    }
    const share = ratio(targeted, sum);
    const mix = Object.fromEntries(Object.entries(all).map(([c, n]) => [c, r3(ratio(n, sum))]));
    return {
      value: share,
      summary: `${pct(share)} of the capability tags are targeted capabilities`,
      facts: { mix },
    };
  },
});
