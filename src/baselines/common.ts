/**
 * What both reference baselines share: a small per-account tally (counts, first/last time, flag
 * time, risk) and the conversion of those tallies into the result contract. A baseline has no
 * notion of "which accounts belong together", so every flagged account goes into ONE catch-all
 * campaign named after the rule; its purity in `eval` then says how mixed the flagged set is.
 */
import { toRfc3339, toRfc3339OrNull } from '../core/time.js';
import type { AccountVerdict, CampaignResult, EpochMs, Evidence } from '../core/types.js';

/** The per-account facts a baseline keeps (bounded: a few numbers per account). */
export interface AccountTally {
  exchanges: number;
  firstSeen: EpochMs | null;
  lastSeen: EpochMs | null;
  /** Event time of the first flag, or null. */
  flaggedAt: EpochMs | null;
  risk: number;
}

/** A new, empty tally. */
export function emptyTally(): AccountTally {
  return { exchanges: 0, firstSeen: null, lastSeen: null, flaggedAt: null, risk: 0 };
}

/** Counts one exchange at `ts` into a tally. */
export function countExchange(tally: AccountTally, ts: EpochMs): void {
  tally.exchanges++;
  if (tally.firstSeen === null || ts < tally.firstSeen) tally.firstSeen = ts;
  if (tally.lastSeen === null || ts > tally.lastSeen) tally.lastSeen = ts;
}

/** Flags an account at `ts` unless it was flagged earlier. */
export function flagAt(tally: AccountTally, ts: EpochMs): void {
  if (tally.flaggedAt === null || ts < tally.flaggedAt) tally.flaggedAt = ts;
}

/** A baseline's output: the result contract, in memory. */
export interface BaselineResult {
  campaigns: CampaignResult[];
  verdicts: AccountVerdict[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Turns tallies into the result contract: one verdict per account (sorted by id) and, when any
 * account is flagged, one catch-all campaign `campaignId` holding them with the given evidence.
 */
export function toResult(
  tallies: ReadonlyMap<string, AccountTally>,
  campaignId: string,
  evidence: Evidence[],
): BaselineResult {
  const accounts = [...tallies.keys()].sort(byId);
  const flagged = accounts.filter((account) => tallies.get(account)!.flaggedAt !== null);
  const verdicts = accounts.map((account): AccountVerdict => {
    const tally = tallies.get(account)!;
    return {
      account,
      risk: tally.risk,
      campaign: tally.flaggedAt === null ? null : campaignId,
      flaggedAt: toRfc3339OrNull(tally.flaggedAt),
    };
  });
  if (flagged.length === 0) return { campaigns: [], verdicts };
  let exchanges = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let detected = Number.POSITIVE_INFINITY;
  for (const account of flagged) {
    const tally = tallies.get(account)!;
    exchanges += tally.exchanges;
    first = Math.min(first, tally.firstSeen ?? tally.flaggedAt!);
    last = Math.max(last, tally.lastSeen ?? tally.flaggedAt!);
    detected = Math.min(detected, tally.flaggedAt!);
  }
  const campaign: CampaignResult = {
    id: campaignId,
    status: 'suspected',
    score: 1,
    accounts: flagged,
    exchanges,
    callsPerAccount: exchanges / flagged.length,
    firstSeen: toRfc3339(first),
    lastSeen: toRfc3339(last),
    detectedAt: toRfc3339(detected),
    capabilities: {},
    evidence,
  };
  return { campaigns: [campaign], verdicts };
}

/** The earliest-flagged accounts (at most `limit`), as evidence facts a reviewer can look up. */
export function firstFlagged(
  tallies: ReadonlyMap<string, AccountTally>,
  limit = 20,
): { account: string; flaggedAt: string }[] {
  return [...tallies.entries()]
    .filter(([, tally]) => tally.flaggedAt !== null)
    .sort(([a, x], [b, y]) => x.flaggedAt! - y.flaggedAt! || byId(a, b))
    .slice(0, limit)
    .map(([account, tally]) => ({ account, flaggedAt: toRfc3339(tally.flaggedAt!) }));
}
