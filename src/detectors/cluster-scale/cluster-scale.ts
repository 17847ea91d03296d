/**
 * cluster-scale
 * Catches: many linked accounts — log10 of the account count over 4 (10 accounts: 0.25, 10,000: 1).
 * Why suspicious: a campaign needs thousands of accounts to stay under per-account limits; most
 * identity links join a handful of accounts (a household, a developer's test keys).
 * Benign look-alikes: a pair or trio of accounts of one developer (barely fires); large benign
 * organisations (fire: the benign-looking detectors carry their side).
 */
import { defineDetector } from '../detector.js';
import { unit } from '../stats.js';

interface Obs {
  exchanges: number;
}

export const clusterScale = defineDetector<Obs>({
  id: 'cluster-scale',
  title: 'number of linked accounts (log scale)',
  check: (s) => ({ exchanges: s.exchanges }),
  finalise(obs) {
    const exchanges = obs.reduce((s, o) => s + o.exchanges, 0);
    return {
      value: unit(Math.log10(obs.length) / 4),
      summary: `${obs.length} linked accounts with ${exchanges} exchanges`,
      facts: { accounts: obs.length, exchanges },
    };
  },
});
