import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { extractionShare } from './extraction-share.js';
import { benignLookAlike, suspicious } from './fixture.js';

describe('extraction-share', () => {
  it('fires on a cluster harvesting reasoning traces, with examples', () => {
    const f = run(extractionShare, suspicious);
    expect(f.value).toBeCloseTo(0.8);
    expect(f.summary).toMatch(/cot-elicitation/);
    expect((f.facts!.examples as Record<string, string[]>)['cot-elicitation']).toHaveLength(1);
  });
  it('stays low for students asking for steps now and then', () => {
    expect(run(extractionShare, benignLookAlike).value).toBeLessThan(0.1);
  });
});
