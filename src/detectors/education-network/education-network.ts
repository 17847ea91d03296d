/**
 * education-network (benign-looking: its weight is negative)
 * Catches: a cluster whose traffic actually comes from campus networks (education-class
 * addresses), as the share of its classified exchanges.
 * Why it lowers suspicion: students behind a university NAT share addresses by design, so they
 * link to each other; traffic that really originates on campus is what a student cohort looks like.
 * Look-alikes that must not pass as benign: a campaign that signed up through an education route
 * but sends its traffic from hosting or proxy networks (does not fire: the route is a claim,
 * the network is behaviour).
 */
import { defineDetector } from '../detector.js';
import { pct, ratio } from '../stats.js';

interface Obs {
  campus: number;
  classified: number;
}

export const educationNetwork = defineDetector<Obs>({
  id: 'education-network',
  title: 'share of the traffic from education networks',
  check: (s) => {
    let classified = 0;
    for (const n of Object.values(s.netClasses)) classified += n;
    return { campus: s.netClasses.education ?? 0, classified };
  },
  finalise(obs) {
    const share = ratio(
      obs.reduce((s, o) => s + o.campus, 0),
      obs.reduce((s, o) => s + o.classified, 0),
    );
    return {
      value: share,
      summary:
        share > 0
          ? `benign-looking: ${pct(share)} of the traffic comes from education networks`
          : 'no traffic from education networks',
      facts: { share },
    };
  },
});
