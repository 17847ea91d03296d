/**
 * template-concentration
 * Catches: many accounts of a cluster sending the same few prompt templates of their own (or
 * near-duplicates: LSH bands, which survive paraphrase). A template is the cluster's own when at
 * least 30% of its accounts (and 3) use it and the cluster holds at least 5% of the accounts in the
 * population that use it (a fragment of a large campaign still holds a good part of its
 * programme's users; a handful of users of a public prompt held by hundreds do not). Value: the share of the cluster's traffic in its own templates.
 * Why suspicious: a harvesting operator spreads one private prompt programme over many accounts;
 * people who merely share an office or a network write their own prompts.
 * Benign look-alikes: students of one university (shared NAT, diverse homework: does not fire);
 * benchmark runners sending public benchmark items that many accounts outside the cluster also
 * send (not their own: does not fire); an enterprise pipeline running one private template under
 * many keys (fires: organisation-cohesion carries the benign side).
 */
import type { DetectorContext } from '../detector.js';
import { defineDetector } from '../detector.js';
import { pct, r3, ratio, total } from '../stats.js';

/** Share of a template's users the cluster must hold for the template to be its own. */
const OWN_SHARE = 0.05;

interface Obs {
  templates: Record<string, number>;
  bands: Record<string, number>;
}

function ownShare(
  maps: Record<string, number>[],
  holders: (value: string) => number,
): { share: number; own: string[] } {
  const inside = new Map<string, number>();
  for (const m of maps) for (const k of Object.keys(m)) inside.set(k, (inside.get(k) ?? 0) + 1);
  const need = Math.max(3, Math.ceil(0.3 * maps.length));
  const own = [...inside.entries()]
    .filter(([k, n]) => n >= need && n >= OWN_SHARE * holders(k))
    .map(([k]) => k);
  const set = new Set(own);
  let covered = 0;
  let all = 0;
  for (const m of maps) {
    for (const [k, n] of Object.entries(m)) {
      all += n;
      if (set.has(k)) covered += n;
    }
  }
  return { share: ratio(covered, all), own: own.sort() };
}

export const templateConcentration = defineDetector<Obs>({
  id: 'template-concentration',
  title: "share of the traffic in templates or near-duplicate buckets of the cluster's own",
  check: (s) => ({ templates: s.templates, bands: s.bands }),
  finalise(obs, ctx: DetectorContext) {
    const t = ownShare(
      obs.map((o) => o.templates).filter((m) => total(m) > 0),
      (v) => ctx.holders('template', v),
    );
    const b = ownShare(
      obs.map((o) => o.bands).filter((m) => total(m) > 0),
      (v) => ctx.holders('band', v),
    );
    return {
      value: Math.max(t.share, b.share),
      summary: `${pct(t.share)} of the traffic uses ${t.own.length} templates of the cluster's own (${pct(b.share)} in its own near-duplicate buckets)`,
      facts: { templateShare: r3(t.share), bandShare: r3(b.share), ownTemplates: t.own.slice(0, 10) },
    };
  },
});
