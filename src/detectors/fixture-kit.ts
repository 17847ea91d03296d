/**
 * Builds AccountSummary values for detector fixtures and engine tests: an empty summary with the
 * given fields set. Plain data, no randomness: every fixture is readable as written.
 */
import type { AccountSummary } from '../core/types.js';

/** Fields of a summary to set; `identity` is merged into the empty identity. */
export type SummaryPatch = Partial<Omit<AccountSummary, 'identity'>> & {
  identity?: Partial<AccountSummary['identity']>;
};

/** An account summary with nothing observed yet. */
export function emptySummary(account: string): AccountSummary {
  return {
    account,
    org: null,
    identity: {
      signupTs: null,
      emailDomain: null,
      emailLocalShape: null,
      paymentFingerprint: null,
      cardBin: null,
      cardCountry: null,
      phoneCountry: null,
      declaredCountry: null,
      signupIp: null,
      signupNet: null,
      deviceId: null,
      ja4: null,
      route: null,
      bannedAt: null,
    },
    firstSeen: null,
    lastSeen: null,
    exchanges: 0,
    inputTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    rateLimited: 0,
    errors: 0,
    hourly: new Array(24).fill(0),
    daily: {},
    gaps: { count: 0, mean: 0, m2: 0 },
    sampling: { multiN: 0, logprobs: 0, temperatureZero: 0, seeded: 0, temperatures: [], seeds: 0 },
    models: {},
    modelFirstUse: {},
    capabilities: {},
    extraction: {},
    extractionExamples: {},
    templates: {},
    bands: {},
    languages: {},
    ips: {},
    prefixes: {},
    asns: {},
    ipCountries: {},
    netClasses: {},
    userAgents: {},
    sdkSets: {},
    ja4s: {},
    clients: {},
    apiKeys: 1,
  };
}

/** A summary with the patch applied (identity merged, other fields replaced). */
export function makeSummary(account: string, patch: SummaryPatch = {}): AccountSummary {
  const base = emptySummary(account);
  const { identity, ...rest } = patch;
  return { ...base, ...rest, identity: { ...base.identity, ...identity } };
}

/** `n` summaries `${prefix}-0..n-1`, each built by `patch(i)`. */
export function makeMany(prefix: string, n: number, patch: (i: number) => SummaryPatch): AccountSummary[] {
  return Array.from({ length: n }, (_, i) => makeSummary(`${prefix}-${i}`, patch(i)));
}
