/** Fixture: an enterprise openly under one org versus a campaign where each account claims its own org. */
import { makeMany } from '../fixture-kit.js';

export const enterprise = makeMany('acme', 10, () => ({ org: 'acme-corp' }));
export const campaignWithFakeOrgs = makeMany('op', 10, (i) => ({ org: `startup-${i}` }));
export const campaignWithoutOrgs = makeMany('op2', 10, () => ({}));
