/**
 * organisation-cohesion (benign-looking: its weight is negative)
 * Catches: a cluster that is openly one organisation — the share of accounts declaring the same
 * organisation. (Residency is left out on purpose: multinationals legitimately act from several
 * countries.)
 * Why it lowers suspicion: an enterprise running a pipeline under many keys, or a verified org
 * generating synthetic data, declares itself and pays as itself; campaigns hide behind many
 * unrelated-looking identities.
 * Look-alikes that must not pass as benign: a campaign whose accounts each declare a different
 * made-up organisation, or none (does not fire).
 */
import { defineDetector } from '../detector.js';
import { pct, ratio } from '../stats.js';

interface Obs {
  org: string | null;
}

export const organisationCohesion = defineDetector<Obs>({
  id: 'organisation-cohesion',
  title: 'share of accounts openly belonging to one organisation',
  check: (s) => ({ org: s.org }),
  finalise(obs) {
    const byOrg = new Map<string, Obs[]>();
    for (const o of obs) {
      if (o.org === null || o.org === '') continue;
      const list = byOrg.get(o.org);
      if (list) list.push(o);
      else byOrg.set(o.org, [o]);
    }
    let org: string | null = null;
    let members: Obs[] = [];
    for (const [k, list] of byOrg) {
      if (list.length > members.length || (list.length === members.length && org !== null && k < org)) {
        org = k;
        members = list;
      }
    }
    const share = ratio(members.length, obs.length);
    const value = share;
    return {
      value,
      summary:
        org === null
          ? 'the accounts declare no common organisation'
          : `benign-looking: ${pct(share)} of the accounts declare the organisation ${org}`,
      facts: { org, share },
    };
  },
});
