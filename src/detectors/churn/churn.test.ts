import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { churn } from './churn.js';
import { batchJob, benignLookAlike, now, suspicious } from './fixture.js';

describe('churn', () => {
  it('fires on banned accounts replaced by later sign-ups', () => {
    const f = run(churn, suspicious, { now });
    expect(f.value).toBe(1);
    expect(f.facts?.replacements).toBe(6);
  });
  it('does not fire when members stop and nobody replaces them', () => {
    expect(run(churn, benignLookAlike, { now }).value).toBe(0);
  });
  it('does not fire on a finished batch job', () => {
    expect(run(churn, batchJob, { now }).value).toBe(0);
  });
});
