/**
 * Builds AccountSummary values for detector fixtures and engine tests: an empty summary with the
 * given fields set. Plain data, no randomness: every fixture is readable as written.
 */
import { createAccountState, summarise } from '../behaviour/state.js';
import type { AccountSummary } from '../core/types.js';

/** Fields of a summary to set; `identity` is merged into the empty identity. */
export type SummaryPatch = Partial<Omit<AccountSummary, 'identity'>> & {
  identity?: Partial<AccountSummary['identity']>;
};

/** An account summary with nothing observed yet (one API key, as every real account has). */
export function emptySummary(account: string): AccountSummary {
  return { ...summarise(createAccountState(account)), apiKeys: 1 };
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
