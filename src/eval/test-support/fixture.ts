/**
 * A hand-built world for the scorer tests: 3 campaigns, 6 benign accounts in 3 personas, a result
 * and an exchange log whose every metric is worked out by hand in score.test.ts.
 */
import type { AccountVerdict, CampaignResult, Exchange, Labels } from '../../core/types.js';

const attack = (campaignId: string, tactic: string) => ({
  persona: 'operator',
  isAttack: true,
  campaignId,
  tactic,
});
const benign = (persona: string) => ({ persona, isAttack: false, campaignId: null, tactic: null });

/** Ground truth: C1 (a1-a4), C2 (b1, b2), C3 (c1); benign chat n1-n3, university u1-u2, enterprise e1. */
export const labels: Labels = {
  preset: 'hand',
  seed: 1,
  scale: 1,
  days: 5,
  start: '2026-04-22T00:00:00Z',
  end: '2026-04-27T00:00:00Z',
  accounts: {
    a1: attack('C1', 'blatant'),
    a2: attack('C1', 'blatant'),
    a3: attack('C1', 'blatant'),
    a4: attack('C1', 'blatant'),
    b1: attack('C2', 'low-and-slow'),
    b2: attack('C2', 'low-and-slow'),
    c1: attack('C3', 'residential-proxy'),
    n1: benign('chat'),
    n2: benign('chat'),
    n3: benign('chat'),
    u1: benign('university'),
    u2: benign('university'),
    e1: benign('enterprise'),
  },
  campaigns: [
    {
      id: 'C1',
      operator: 'op-a',
      tactics: ['blatant'],
      accounts: ['a1', 'a2', 'a3', 'a4'],
      start: '2026-04-22T00:00:00Z',
      end: '2026-04-26T00:00:00Z',
      exchanges: 6,
    },
    {
      id: 'C2',
      operator: 'op-b',
      tactics: ['low-and-slow', 'hydra'],
      accounts: ['b1', 'b2'],
      start: '2026-04-22T12:00:00Z',
      end: '2026-04-26T00:00:00Z',
      exchanges: 2,
    },
    {
      id: 'C3',
      operator: 'op-c',
      tactics: ['residential-proxy'],
      accounts: ['c1'],
      start: '2026-04-23T00:00:00Z',
      end: '2026-04-26T00:00:00Z',
      exchanges: 0,
    },
  ],
};

const verdict = (
  account: string,
  risk: number,
  flaggedAt: string | null,
  campaign: string | null = null,
): AccountVerdict => ({ account, risk, campaign, flaggedAt });

/** Flags a1 02:00, a2 06:00, a3 next day, b1 day 3, n1 05:00, u1, u2; x9 is unknown to the labels; b2 has no verdict. */
export const verdicts: AccountVerdict[] = [
  verdict('a1', 0.9, '2026-04-22T02:00:00Z', 'R1'),
  verdict('a2', 0.8, '2026-04-22T06:00:00Z', 'R1'),
  verdict('a3', 0.7, '2026-04-23T00:00:00Z', 'R1'),
  verdict('a4', 0.4, null),
  verdict('b1', 0.6, '2026-04-24T12:00:00Z', 'R2'),
  verdict('c1', 0.1, null),
  verdict('n1', 0.65, '2026-04-22T05:00:00Z', 'R1'),
  verdict('n2', 0.0, null),
  verdict('n3', 0.0, null),
  verdict('u1', 0.3, '2026-04-22T10:00:00Z'),
  verdict('u2', 0.3, '2026-04-22T10:00:00Z'),
  verdict('e1', 0.0, null),
  verdict('x9', 0.99, '2026-04-22T01:00:00Z', 'R2'),
];

const campaign = (id: string, accounts: string[]): CampaignResult => ({
  id,
  status: 'suspected',
  score: 0.5,
  accounts,
  exchanges: 0,
  callsPerAccount: 0,
  firstSeen: '2026-04-22T00:00:00Z',
  lastSeen: '2026-04-26T00:00:00Z',
  detectedAt: null,
  capabilities: {},
  evidence: [],
});

/** R1 = 3 of C1 + benign n1; R2 = b1 (C2) + unknown x9; R3 = a4 and b2 (a tie); R4 empty. */
export const campaigns: CampaignResult[] = [
  campaign('R1', ['a1', 'a2', 'a3', 'n1']),
  campaign('R2', ['b1', 'x9']),
  campaign('R3', ['b2', 'a4']),
  campaign('R4', []),
];

let next = 0;
const at = (account: string, ts: string): Exchange => ({ id: `x${next++}`, ts: Date.parse(ts), account });

/**
 * C1: a1 at 01:00, 02:00 (the flag instant: served), 03:00; a2 at 07:00 (after its flag); a4 twice
 * (never flagged) -> 6 exchanges, 4 served. C2: b1 once before its flag, b2 once -> 2 of 2.
 * Benign: n1 at 04:00 and 06:00 (after its 05:00 flag), e1 once -> 3 benign, 1 after a flag.
 * Unknown: x9 once.
 */
export const exchanges: Exchange[] = [
  at('a1', '2026-04-22T01:00:00Z'),
  at('x9', '2026-04-22T01:30:00Z'),
  at('a1', '2026-04-22T02:00:00Z'),
  at('a1', '2026-04-22T03:00:00Z'),
  at('n1', '2026-04-22T04:00:00Z'),
  at('n1', '2026-04-22T06:00:00Z'),
  at('a2', '2026-04-22T07:00:00Z'),
  at('a4', '2026-04-22T08:00:00Z'),
  at('a4', '2026-04-22T09:00:00Z'),
  at('e1', '2026-04-22T09:30:00Z'),
  at('b1', '2026-04-23T00:00:00Z'),
  at('b2', '2026-04-23T01:00:00Z'),
];
