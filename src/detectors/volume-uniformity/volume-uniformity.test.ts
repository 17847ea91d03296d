import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { benignLookAlike, suspicious } from './fixture.js';
import { volumeUniformity } from './volume-uniformity.js';

describe('volume-uniformity', () => {
  it('fires on evenly spread load', () => {
    expect(run(volumeUniformity, suspicious).value).toBeGreaterThan(0.95);
  });
  it('does not fire on heavy-tailed users', () => {
    expect(run(volumeUniformity, benignLookAlike).value).toBe(0);
  });
});
