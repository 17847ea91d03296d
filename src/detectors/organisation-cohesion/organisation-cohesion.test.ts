import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { campaignWithFakeOrgs, campaignWithoutOrgs, enterprise, resellerOrg } from './fixture.js';
import { organisationCohesion } from './organisation-cohesion.js';

describe('organisation-cohesion (benign-looking)', () => {
  it('fires on accounts openly under one organisation and one bill, and says so', () => {
    const f = run(organisationCohesion, enterprise);
    expect(f.value).toBe(1);
    expect(f.summary).toMatch(/^benign-looking: 100% of the accounts declare the organisation acme-corp/);
  });
  it('does not pass a campaign of made-up organisations as benign', () => {
    expect(run(organisationCohesion, campaignWithFakeOrgs).value).toBeLessThanOrEqual(0.1);
    expect(run(organisationCohesion, campaignWithoutOrgs).value).toBe(0);
  });
  it('does not pass a reseller organisation whose accounts pay with their own cards as benign', () => {
    expect(run(organisationCohesion, resellerOrg).value).toBeLessThanOrEqual(0.2);
  });
});
