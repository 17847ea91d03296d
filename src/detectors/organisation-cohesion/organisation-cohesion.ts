/**
 * organisation-cohesion (benign-looking: its weight is negative)
 * Catches: a cluster that is openly one customer — the share of its accounts that declare the same
 * organisation and pay with that organisation's one payment instrument.
 * Why it lowers suspicion: an enterprise running a pipeline under many keys, or a verified org
 * generating synthetic data, declares itself and is billed as itself; campaigns hide behind many
 * unrelated-looking identities and many cards. (Residency is left out on purpose: multinationals
 * legitimately act from several countries.)
 * Look-alikes that must not pass as benign: a campaign whose accounts each declare a made-up
 * organisation, or none; a reseller organisation whose accounts each pay with their own card
 * (does not fire).
 */
import { defineDetector } from '../detector.js';
import { pct, ratio } from '../stats.js';

interface Obs {
  org: string | null;
  payment: string | null;
}

function dominant(values: (string | null)[]): [string | null, number] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: [string | null, number] = [null, 0];
  for (const [k, n] of counts)
    if (n > best[1] || (n === best[1] && best[0] !== null && k < best[0])) best = [k, n];
  return best;
}

export const organisationCohesion = defineDetector<Obs>({
  id: 'organisation-cohesion',
  title: 'share of accounts openly belonging to one organisation and billed to its one instrument',
  check: (s) => ({ org: s.org, payment: s.identity.paymentFingerprint }),
  finalise(obs) {
    const [org] = dominant(obs.map((o) => o.org));
    const members = obs.filter((o) => org !== null && o.org === org);
    const [payment, paying] = dominant(members.map((o) => o.payment));
    const orgShare = ratio(members.length, obs.length);
    const value = ratio(paying, obs.length);
    return {
      value,
      summary:
        org === null
          ? 'the accounts declare no common organisation'
          : `benign-looking: ${pct(orgShare)} of the accounts declare the organisation ${org}, ${pct(value)} billed to its one payment instrument`,
      facts: { org, orgShare, payment, billedShare: value },
    };
  },
});
