/**
 * harvesting-params
 * Catches: sampling parameters that collect many answers or their probabilities per prompt:
 * n > 1, logprobs, seed sweeps (many distinct seeds), temperature sweeps (four or more distinct
 * temperatures on one account) — and, for fleets that sweep gently to stay unnoticed, the share of
 * accounts that use any of them at all (n > 1, logprobs, two or more seeds, three or more
 * temperatures), counted at 0.7.
 * Why suspicious: training-data collection wants diverse samples and token probabilities;
 * products that use a model want one answer.
 * Benign look-alikes: benchmark runners at temperature 0 with one fixed seed (reproducibility,
 * not a sweep: does not fire).
 */
import { defineDetector } from '../detector.js';
import { pct, r3, ratio } from '../stats.js';

interface Obs {
  exchanges: number;
  multi: number;
  seedSweep: boolean;
  seeded: number;
  tempSweep: boolean;
  any: boolean;
}

export const harvestingParams = defineDetector<Obs>({
  id: 'harvesting-params',
  title: 'share of the traffic with n > 1 or logprobs, and of accounts sweeping seeds or temperatures',
  check: (s) => ({
    exchanges: s.exchanges,
    multi: Math.min(s.exchanges, Math.max(s.sampling.multiN, s.sampling.logprobs)),
    seeded: s.sampling.seeded,
    seedSweep: s.sampling.seeds >= 5 && s.sampling.seeded >= 0.3 * s.exchanges,
    tempSweep: s.sampling.temperatures.length >= 4,
    any:
      s.sampling.multiN > 0 ||
      s.sampling.logprobs > 0 ||
      s.sampling.seeds >= 2 ||
      s.sampling.temperatures.length >= 3,
  }),
  finalise(obs) {
    let exchanges = 0;
    let multi = 0;
    let active = 0;
    let seedSweeps = 0;
    let tempSweeps = 0;
    let anyUse = 0;
    for (const o of obs) {
      exchanges += o.exchanges;
      multi += o.multi;
      if (o.exchanges === 0) continue;
      active++;
      if (o.seedSweep) seedSweeps++;
      if (o.tempSweep) tempSweeps++;
      if (o.any) anyUse++;
    }
    const multiShare = ratio(multi, exchanges);
    const seedShare = ratio(seedSweeps, active);
    const tempShare = ratio(tempSweeps, active);
    const anyShare = ratio(anyUse, active);
    const value = Math.max(multiShare, seedShare, tempShare, 0.7 * anyShare);
    return {
      value,
      summary: `${pct(multiShare)} of the exchanges ask for several samples or logprobs; ${pct(seedShare)} of the accounts sweep seeds, ${pct(tempShare)} sweep temperatures`,
      facts: {
        multiShare: r3(multiShare),
        seedSweepShare: r3(seedShare),
        temperatureSweepShare: r3(tempShare),
      },
    };
  },
});
