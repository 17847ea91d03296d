/**
 * A test double of `Detection` with campaigns the tests control: accounts sharing a payment
 * fingerprint (from account events) form one campaign once each has exchanges, scored by its
 * size. It exists only to drive the service's bookkeeping (history, webhooks, reviews, risk)
 * deterministically; real detection is src/pipeline + src/score.
 */
import type {
  AccountEvent,
  AccountSummary,
  AccountVerdict,
  CampaignResult,
  EpochMs,
  Exchange,
} from '../../core/types.js';
import type { Detection } from '../detection.js';

/** The fake, with what it received for assertions. */
export interface FakeDetection extends Detection {
  readonly exchanges: Exchange[];
  readonly events: AccountEvent[];
  readonly ticks: EpochMs[];
}

/** Creates the fake; `scoreOf(size)` maps a group's size to its campaign score. */
export function createFakeDetection(
  options: { tickMs?: number; reorderMs?: number; scoreOf?: (size: number) => number } = {},
): FakeDetection {
  const exchanges: Exchange[] = [];
  const events: AccountEvent[] = [];
  const ticks: EpochMs[] = [];
  const payment = new Map<string, string>();
  const counts = new Map<string, { n: number; first: number; last: number; country: string | null }>();
  let campaigns: CampaignResult[] = [];
  let verdicts: AccountVerdict[] = [];
  const scoreOf = options.scoreOf ?? ((size: number) => Math.min(0.99, 0.4 + size * 0.1));
  const summaryOf = (account: string): AccountSummary | undefined => {
    const c = counts.get(account);
    if (!c) return undefined;
    return {
      account,
      exchanges: c.n,
      firstSeen: c.first,
      lastSeen: c.last,
      identity: { declaredCountry: c.country, paymentFingerprint: payment.get(account) ?? null },
      ipCountries: { US: c.n },
      extraction: { 'cot-elicitation': c.n },
    } as unknown as AccountSummary;
  };
  return {
    exchanges,
    events,
    ticks,
    tickMs: options.tickMs ?? 3_600_000,
    reorderMs: options.reorderMs ?? 0,
    ingestExchanges(batch) {
      for (const x of batch) {
        exchanges.push(x);
        const c = counts.get(x.account) ?? { n: 0, first: x.ts, last: x.ts, country: null };
        c.n++;
        c.first = Math.min(c.first, x.ts);
        c.last = Math.max(c.last, x.ts);
        counts.set(x.account, c);
      }
    },
    ingestAccountEvents(batch) {
      for (const e of batch) {
        events.push(e);
        if (e.paymentFingerprint) payment.set(e.account, e.paymentFingerprint);
        if (e.declaredCountry) {
          const c = counts.get(e.account) ?? { n: 0, first: e.ts, last: e.ts, country: null };
          c.country = e.declaredCountry;
          counts.set(e.account, c);
        }
      }
    },
    async tick(now) {
      ticks.push(now);
      const groups = new Map<string, string[]>();
      for (const [account, fp] of payment) {
        if (!(counts.get(account)?.n ?? 0)) continue;
        groups.set(fp, [...(groups.get(fp) ?? []), account]);
      }
      const previous = new Map(campaigns.map((c) => [c.id, c]));
      campaigns = [...groups.entries()]
        .filter(([, members]) => members.length >= 2)
        .map(([fp, members]) => {
          const sorted = members.sort();
          const n = sorted.reduce((sum, a) => sum + (counts.get(a)?.n ?? 0), 0);
          const first = Math.min(...sorted.map((a) => counts.get(a)!.first));
          const last = Math.max(...sorted.map((a) => counts.get(a)!.last));
          return {
            id: `c-${fp}`,
            status: previous.get(`c-${fp}`)?.status ?? 'suspected',
            score: scoreOf(sorted.length),
            accounts: sorted,
            exchanges: n,
            callsPerAccount: n / sorted.length,
            firstSeen: new Date(first).toISOString(),
            lastSeen: new Date(last).toISOString(),
            detectedAt: previous.get(`c-${fp}`)?.detectedAt ?? new Date(now).toISOString(),
            capabilities: { coding: 1 },
            evidence: [
              {
                kind: 'shared-payment',
                weight: 1,
                summary: `${sorted.length} accounts share payment fingerprint ${fp}.`,
              },
            ],
            attribution: null,
          } satisfies CampaignResult;
        });
      verdicts = [...counts.keys()].sort().map((account) => {
        const campaign = campaigns.find((c) => c.accounts.includes(account));
        return {
          account,
          risk: campaign ? campaign.score : 0.1,
          campaign: campaign?.id ?? null,
          flaggedAt: campaign ? new Date(now).toISOString() : null,
        };
      });
    },
    campaigns: () => campaigns.map((c) => ({ ...c })),
    verdicts: () => verdicts.slice(),
    summary: async (account) => summaryOf(account),
    stats: () => ({ accounts: counts.size, ticks: ticks.length, lastTick: ticks.at(-1) ?? null }),
    close: async () => {},
  };
}
