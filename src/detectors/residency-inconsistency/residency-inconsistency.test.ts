import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { benignLookAlike, suspicious, verdicts } from './fixture.js';
import { residencyInconsistency } from './residency-inconsistency.js';

describe('residency-inconsistency', () => {
  it('fires when most accounts with a verdict lie about residency', () => {
    const f = run(residencyInconsistency, suspicious, { verdicts });
    expect(f.value).toBe(1);
    expect(f.facts?.known).toBe(5);
  });
  it('does not fire on VPN users whose residency is consistent', () => {
    expect(run(residencyInconsistency, benignLookAlike, { verdicts }).value).toBe(0);
  });
  it('needs three known verdicts', () => {
    expect(run(residencyInconsistency, suspicious.slice(0, 2), { verdicts }).value).toBe(0);
  });
});
