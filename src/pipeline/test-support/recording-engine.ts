/**
 * Test double of the global stage: records what each tick received (never shipped; the real
 * global stage is the campaign engine). Flags an account once it has sent `flagAt` exchanges,
 * which is causal, so it also exercises flaggedAt bookkeeping.
 */
import { isWireSummary, parseSummary } from '../../core/summary-wire.js';
import type { AccountSummary, AccountVerdict, CampaignResult, EpochMs } from '../../core/types.js';
import type { GlobalStage } from '../pipeline.js';

export interface RecordedTick {
  now: EpochMs;
  summaries: AccountSummary[];
}

export function recordingEngine(
  flagAt = Number.POSITIVE_INFINITY,
): GlobalStage<RecordedTick> & { ticks: RecordedTick[] } {
  const ticks: RecordedTick[] = [];
  const flagged = new Map<string, EpochMs>();
  const latest = new Map<string, AccountSummary>();
  return {
    ticks,
    tick(changed, now) {
      const summaries = changed.map((s) => (isWireSummary(s) ? parseSummary(s.wire) : structuredClone(s)));
      const tick = { now, summaries };
      ticks.push(tick);
      for (const s of summaries) {
        latest.set(s.account, s);
        if (s.exchanges >= flagAt && !flagged.has(s.account)) flagged.set(s.account, now);
      }
      return tick;
    },
    campaigns: (): CampaignResult[] => [],
    verdicts: (): AccountVerdict[] =>
      [...latest.keys()].sort().map((account) => {
        const at = flagged.get(account);
        return {
          account,
          risk: at === undefined ? 0 : 1,
          campaign: null,
          flaggedAt: at === undefined ? null : new Date(at).toISOString(),
        };
      }),
  };
}
