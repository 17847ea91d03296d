import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { benignLookAlike, suspicious } from './fixture.js';
import { proxyShare } from './proxy-share.js';

describe('proxy-share', () => {
  it('fires on hosting and VPN exits', () => {
    expect(run(proxyShare, suspicious).value).toBeCloseTo(0.95);
  });
  it('does not fire on residential users', () => {
    expect(run(proxyShare, benignLookAlike).value).toBe(0);
  });
});
