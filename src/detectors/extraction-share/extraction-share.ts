/**
 * extraction-share
 * Catches: traffic whose prompts harvest a model's behaviour rather than use it — chain-of-thought
 * elicitation, rubric grading, instruction generation ("give me 20 diverse tasks"), censorship
 * rewrites (tags from src/fingerprint) — as a share of the cluster's exchanges, with examples.
 * Why suspicious: these are the shapes of training-data collection, named in the disclosures.
 * Benign look-alikes: students asking for "step by step" homework help (a small share of their
 * traffic: stays low); a verified org generating synthetic data (fires: organisation-cohesion
 * carries the benign side).
 */
import { defineDetector } from '../detector.js';
import { pct, r3, ratio, unit } from '../stats.js';

interface Obs {
  exchanges: number;
  extraction: Record<string, number>;
  examples: Record<string, string[]>;
}

export const extractionShare = defineDetector<Obs>({
  id: 'extraction-share',
  title:
    'share of the exchanges carrying extraction tags (CoT elicitation, rubric grading, instruction generation)',
  check: (s) => ({ exchanges: s.exchanges, extraction: s.extraction, examples: s.extractionExamples }),
  finalise(obs) {
    let exchanges = 0;
    const byTag: Record<string, number> = {};
    const examples: Record<string, string[]> = {};
    for (const o of obs) {
      exchanges += o.exchanges;
      for (const [tag, n] of Object.entries(o.extraction)) byTag[tag] = (byTag[tag] ?? 0) + n;
      for (const [tag, spans] of Object.entries(o.examples)) {
        if (!examples[tag]) examples[tag] = [];
        const list = examples[tag];
        for (const span of spans) if (list.length < 3 && !list.includes(span)) list.push(span);
      }
    }
    const tagged = Math.max(0, ...Object.values(byTag));
    const share = unit(ratio(tagged, exchanges));
    const shares = Object.fromEntries(Object.entries(byTag).map(([t, n]) => [t, r3(ratio(n, exchanges))]));
    const top = Object.entries(shares).sort((a, b) => b[1] - a[1])[0];
    return {
      value: share,
      summary: top ? `${pct(share)} of the exchanges are ${top[0]} prompts` : 'no extraction-shaped prompts',
      facts: { shares, examples },
    };
  },
});
