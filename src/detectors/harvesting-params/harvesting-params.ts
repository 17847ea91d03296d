/**
 * harvesting-params
 * Catches: sampling parameters that collect many answers or their probabilities per prompt:
 * n > 1, logprobs, seed sweeps (many distinct seeds), temperature sweeps (four or more distinct
 * temperatures on one account).
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
  }),
  finalise(obs) {
    let exchanges = 0;
    let multi = 0;
    let active = 0;
    let seedSweeps = 0;
    let tempSweeps = 0;
    for (const o of obs) {
      exchanges += o.exchanges;
      multi += o.multi;
      if (o.exchanges === 0) continue;
      active++;
      if (o.seedSweep) seedSweeps++;
      if (o.tempSweep) tempSweeps++;
    }
    const multiShare = ratio(multi, exchanges);
    const seedShare = ratio(seedSweeps, active);
    const tempShare = ratio(tempSweeps, active);
    const value = Math.max(multiShare, seedShare, tempShare);
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
