/**
 * residency-inconsistency
 * Catches: accounts whose declared residency does not match where and when they act (the
 * per-account verdict of src/residency: IP countries, proxy networks, activity time zone,
 * language), as the share of the cluster's accounts with a known verdict that are inconsistent.
 * Why suspicious: campaigns from unsupported regions declare a supported country and reach the
 * API through proxies; a cluster where most accounts lie about residency is organised.
 * Benign look-alikes: VPN users whose clock and language match their declared country, travellers
 * (consistent verdicts: does not fire).
 */
import { defineDetector } from '../detector.js';
import { pct, ratio } from '../stats.js';

interface Obs {
  verdict: 'consistent' | 'inconsistent' | 'unknown';
  restricted: boolean;
}

export const residencyInconsistency = defineDetector<Obs>({
  id: 'residency-inconsistency',
  title: 'share of accounts whose residency verdict is inconsistent',
  check: (s, ctx) => {
    const v = ctx.residency(s);
    return { verdict: v.verdict, restricted: v.restricted };
  },
  finalise(obs) {
    const known = obs.filter((o) => o.verdict !== 'unknown');
    const bad = known.filter((o) => o.verdict === 'inconsistent').length;
    const restricted = obs.filter((o) => o.restricted).length;
    const value = known.length >= 3 ? ratio(bad, known.length) : 0;
    return {
      value,
      summary:
        known.length >= 3
          ? `${pct(value)} of ${known.length} accounts with a residency verdict are inconsistent with their declared country`
          : 'too few accounts with a residency verdict',
      facts: { known: known.length, inconsistent: bad, restricted },
    };
  },
});
