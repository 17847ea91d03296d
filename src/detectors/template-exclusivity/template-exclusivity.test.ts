import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { benignLookAlike, holders, suspicious } from './fixture.js';
import { templateExclusivity } from './template-exclusivity.js';

describe('template-exclusivity', () => {
  it('fires when the common templates are used almost only inside the cluster', () => {
    expect(run(templateExclusivity, suspicious, { holders }).value).toBeGreaterThan(0.8);
  });
  it('does not fire on public benchmark items', () => {
    const f = run(templateExclusivity, benignLookAlike, { holders });
    expect(f.value).toBeLessThan(0.05);
    expect(f.summary).toMatch(/common templates/);
  });
  it('says so when nothing is shared', () => {
    expect(run(templateExclusivity, [], { holders }).summary).toMatch(/no template/);
  });
});
