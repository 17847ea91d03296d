/**
 * template-exclusivity
 * Catches: templates common to a cluster that are (almost) only used inside it — of all the
 * accounts in the population holding the cluster's common templates, the share that belong to it.
 * Why suspicious: an operator's prompt programme is private to its accounts; a template that many
 * unrelated accounts also send is public content (a benchmark, a popular tool, a tutorial prompt).
 * Benign look-alikes: benchmark runners sending verbatim public benchmark items (the same items are
 * used by many accounts outside the cluster: does not fire).
 */
import { defineDetector } from '../detector.js';
import { pct, r3, ratio } from '../stats.js';

interface Obs {
  templates: string[];
  bands: string[];
}

function exclusivity(
  lists: string[][],
  holders: (value: string) => number,
): { value: number; common: number } {
  const inside = new Map<string, number>();
  for (const l of lists) for (const k of l) inside.set(k, (inside.get(k) ?? 0) + 1);
  const need = Math.max(3, Math.ceil(0.3 * lists.length));
  let inCount = 0;
  let allCount = 0;
  let common = 0;
  for (const [k, n] of inside) {
    if (n < need) continue;
    common++;
    inCount += n;
    allCount += Math.max(n, holders(k));
  }
  return { value: ratio(inCount, allCount), common };
}

export const templateExclusivity = defineDetector<Obs>({
  id: 'template-exclusivity',
  title: 'share of the holders of the common templates that are inside the cluster',
  check: (s) => ({ templates: Object.keys(s.templates), bands: Object.keys(s.bands) }),
  finalise(obs, ctx) {
    const t = exclusivity(
      obs.map((o) => o.templates),
      (v) => ctx.holders('template', v),
    );
    const b = exclusivity(
      obs.map((o) => o.bands),
      (v) => ctx.holders('band', v),
    );
    const best = t.common > 0 ? t : b;
    return {
      value: best.value,
      summary:
        best.common === 0
          ? 'no template is common to the accounts'
          : `${pct(best.value)} of the accounts using the ${best.common} common templates are in this cluster`,
      facts: {
        templateExclusivity: r3(t.value),
        bandExclusivity: r3(b.value),
        commonTemplates: t.common,
        commonBands: b.common,
      },
    };
  },
});
