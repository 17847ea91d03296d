import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { benignLookAlike, suspicious } from './fixture.js';
import { signupBurst } from './signup-burst.js';

describe('signup-burst', () => {
  it('fires on batches of sign-ups', () => {
    expect(run(signupBurst, suspicious).value).toBe(1);
  });
  it('does not fire on sign-ups spread over weeks', () => {
    expect(run(signupBurst, benignLookAlike).value).toBe(0);
  });
});
