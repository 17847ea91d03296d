/** Fixture: an enterprise openly under one org and one bill versus campaigns with made-up orgs or a reseller org. */
import { makeMany } from '../fixture-kit.js';

export const enterprise = makeMany('acme', 10, () => ({
  org: 'acme-corp',
  identity: { paymentFingerprint: 'acme-card' },
}));
export const campaignWithFakeOrgs = makeMany('op', 10, (i) => ({
  org: `startup-${i}`,
  identity: { paymentFingerprint: `card-${i}` },
}));
export const campaignWithoutOrgs = makeMany('op2', 10, () => ({}));
export const resellerOrg = makeMany('rs', 10, (i) => ({
  org: 'reseller-x',
  identity: { paymentFingerprint: `card-${i % 5}` },
}));
