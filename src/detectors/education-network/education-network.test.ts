import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { educationNetwork } from './education-network.js';
import { educationRouteCampaign, students } from './fixture.js';

describe('education-network (benign-looking)', () => {
  it('fires on traffic from campus networks', () => {
    const f = run(educationNetwork, students);
    expect(f.value).toBeCloseTo(0.8);
    expect(f.summary).toMatch(/^benign-looking/);
  });
  it('does not pass an education-route campaign sending from hosting as benign', () => {
    expect(run(educationNetwork, educationRouteCampaign).value).toBe(0);
  });
});
