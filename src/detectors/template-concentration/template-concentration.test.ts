import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { benchmarkRunners, benignLookAlike, holders, suspicious } from './fixture.js';
import { templateConcentration } from './template-concentration.js';

describe('template-concentration', () => {
  it('fires on accounts sharing the cluster’s own templates', () => {
    const f = run(templateConcentration, suspicious, { holders });
    expect(f.value).toBeGreaterThan(0.8);
    expect(f.facts?.ownTemplates).toEqual(['op-a', 'op-b']);
  });
  it('does not fire on a cohort writing its own prompts', () => {
    expect(run(templateConcentration, benignLookAlike, { holders }).value).toBeLessThan(0.1);
  });
  it('does not fire on public benchmark items used by many accounts outside the cluster', () => {
    expect(run(templateConcentration, benchmarkRunners, { holders }).value).toBe(0);
  });
});
