import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { benignLookAlike, suspicious } from './fixture.js';
import { synchronisedActivity } from './synchronised-activity.js';

describe('synchronised-activity', () => {
  it('fires on accounts with the same day-by-day activity', () => {
    expect(run(synchronisedActivity, suspicious).value).toBeGreaterThan(0.9);
  });
  it('does not fire on users active on their own days', () => {
    expect(run(synchronisedActivity, benignLookAlike).value).toBe(0);
  });
});
