import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { capabilityFocus } from './capability-focus.js';
import { benignLookAlike, suspicious } from './fixture.js';

describe('capability-focus', () => {
  it('fires on traffic aimed at agentic and coding work', () => {
    expect(run(capabilityFocus, suspicious).value).toBeGreaterThan(0.9);
  });
  it('stays low for chat and writing users', () => {
    expect(run(capabilityFocus, benignLookAlike).value).toBeLessThan(0.1);
  });
});
