import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { benignLookAlike, casualUsers, gentleFleet, suspicious } from './fixture.js';
import { harvestingParams } from './harvesting-params.js';

describe('harvesting-params', () => {
  it('fires on sampling sweeps and logprobs', () => {
    const f = run(harvestingParams, suspicious);
    expect(f.value).toBe(1);
    expect(f.facts?.multiShare).toBeCloseTo(0.6);
  });
  it('fires on a fleet that sweeps gently on every account', () => {
    expect(run(harvestingParams, gentleFleet).value).toBeCloseTo(0.7);
  });
  it('does not fire on users at the default temperature', () => {
    expect(run(harvestingParams, casualUsers).value).toBe(0);
  });
  it('does not fire on reproducible benchmark settings', () => {
    expect(run(harvestingParams, benignLookAlike).value).toBe(0);
  });
});
