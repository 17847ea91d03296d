import { describe, expect, it } from 'vitest';
import { bigEnoughForCampaign, DEFAULT_WEIGHTS, type ScoreWeights } from './weights.js';

const weights: ScoreWeights = {
  ...DEFAULT_WEIGHTS,
  minAccounts: 8,
  minExchanges: 20,
  smallCluster: { accounts: 3, score: 0.99 },
};

describe('bigEnoughForCampaign', () => {
  it('takes minAccounts accounts that have sent minExchanges', () => {
    expect(bigEnoughForCampaign(weights, 8, 20, 0.95)).toBe(true);
    expect(bigEnoughForCampaign(weights, 8, 19, 0.999)).toBe(false);
    expect(bigEnoughForCampaign(weights, 7, 500, 0.95)).toBe(false);
  });

  it("takes a smaller cluster only at the small cluster's score, and never below its size", () => {
    expect(bigEnoughForCampaign(weights, 3, 20, 0.99)).toBe(true);
    expect(bigEnoughForCampaign(weights, 3, 20, 0.989)).toBe(false);
    expect(bigEnoughForCampaign(weights, 2, 500, 1)).toBe(false);
  });

  it('without a small-cluster rule, only minAccounts counts', () => {
    const { smallCluster: _, ...plain } = weights;
    expect(bigEnoughForCampaign(plain, 7, 500, 1)).toBe(false);
  });
});
