import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { benignLookAlike, suspicious } from './fixture.js';
import { modelPivot } from './model-pivot.js';

describe('model-pivot', () => {
  it('fires on a same-day pivot of the whole fleet', () => {
    const f = run(modelPivot, suspicious);
    expect(f.value).toBe(1);
    expect(f.facts?.model).toBe('fresh');
  });
  it('does not fire on gradual adoption', () => {
    expect(run(modelPivot, benignLookAlike).value).toBe(0);
  });
});
