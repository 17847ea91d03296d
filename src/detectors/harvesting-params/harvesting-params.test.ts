import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { benignLookAlike, suspicious } from './fixture.js';
import { harvestingParams } from './harvesting-params.js';

describe('harvesting-params', () => {
  it('fires on sampling sweeps and logprobs', () => {
    const f = run(harvestingParams, suspicious);
    expect(f.value).toBe(1);
    expect(f.facts?.multiShare).toBeCloseTo(0.6);
  });
  it('does not fire on reproducible benchmark settings', () => {
    expect(run(harvestingParams, benignLookAlike).value).toBe(0);
  });
});
