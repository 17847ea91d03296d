import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { clusterScale } from './cluster-scale.js';
import { benignLookAlike, suspicious } from './fixture.js';

describe('cluster-scale', () => {
  it('grows with the number of linked accounts', () => {
    expect(run(clusterScale, suspicious).value).toBeCloseTo(0.75);
  });
  it('barely registers a developer’s few keys', () => {
    expect(run(clusterScale, benignLookAlike).value).toBeLessThan(0.15);
  });
});
