import { describe, expect, it } from 'vitest';
import type { CampaignResult, Labels } from '../core/types.js';
import { createExposureCounter } from './exposure.js';
import { flagTimes, medianOrNever, scoreResult } from './score.js';
import { campaigns, exchanges, labels, verdicts } from './test-support/fixture.js';

function tallyOf(exchangeList = exchanges) {
  const counter = createExposureCounter(labels, flagTimes(verdicts), 'hand.ndjson');
  counter.add(exchangeList);
  return counter.tally;
}

describe('scoreResult on the hand-built world', () => {
  const score = scoreResult(labels, { campaigns, verdicts }, tallyOf());

  it('counts account precision, recall, F1 and FPR by hand', () => {
    // attack a1-a4, b1, b2, c1 (7); benign n1-n3, u1, u2, e1 (6).
    // flagged: a1 a2 a3 b1 (TP 4), n1 u1 u2 (FP 3); x9 is unknown and excluded.
    expect(score.accounts).toMatchObject({
      labeled: 13,
      attack: 7,
      benign: 6,
      flagged: 7,
      truePositives: 4,
      falsePositives: 3,
      falseNegatives: 3,
      trueNegatives: 3,
    });
    expect(score.accounts.precision).toBeCloseTo(4 / 7);
    expect(score.accounts.recall).toBeCloseTo(4 / 7);
    expect(score.accounts.f1).toBeCloseTo(4 / 7);
    expect(score.accounts.falsePositiveRate).toBeCloseTo(0.5);
  });

  it('gives the false-positive rate per persona', () => {
    const byName = Object.fromEntries(score.personas.map((row) => [row.persona, row]));
    expect(byName.chat).toMatchObject({ accounts: 3, benign: 3, flaggedBenign: 1, recall: null });
    expect(byName.chat.falsePositiveRate).toBeCloseTo(1 / 3);
    expect(byName.university.falsePositiveRate).toBe(1);
    expect(byName.enterprise.falsePositiveRate).toBe(0);
    expect(byName.operator).toMatchObject({ attack: 7, flaggedAttack: 4, falsePositiveRate: null });
    // benign personas first, alphabetically, then personas holding attack accounts
    expect(score.personas.map((row) => row.persona)).toEqual([
      'chat',
      'enterprise',
      'university',
      'operator',
    ]);
  });

  it('scores each campaign: recall, detection, hours to first flag and to detection', () => {
    const [c1, c2, c3] = score.campaigns;
    // C1: 3 of 4 flagged; first flag 02:00 after a 00:00 start; the 2nd flag (06:00) reaches half.
    expect(c1).toMatchObject({
      accounts: 4,
      flagged: 3,
      recall: 0.75,
      detected: true,
      firstFlagAt: '2026-04-22T02:00:00.000Z',
      hoursToFirstFlag: 2,
      detectedAt: '2026-04-22T06:00:00.000Z',
      hoursToDetect: 6,
    });
    // C2: 1 of 2 flagged is exactly half: detected, 48 h after its 12:00 start (b2 has no verdict at all).
    expect(c2).toMatchObject({
      accounts: 2,
      flagged: 1,
      recall: 0.5,
      detected: true,
      hoursToFirstFlag: 48,
      hoursToDetect: 48,
    });
    // C3: nothing flagged.
    expect(c3).toMatchObject({
      accounts: 1,
      flagged: 0,
      recall: 0,
      detected: false,
      firstFlagAt: null,
      hoursToFirstFlag: null,
      detectedAt: null,
      hoursToDetect: null,
    });
    // medians over [2, 48, never] and [6, 48, never]
    expect(score.detection).toEqual({
      campaigns: 3,
      detected: 2,
      medianHoursToFirstFlag: 48,
      medianHoursToDetect: 48,
      medianHoursFromHarvestToDetect: null, // these labels predate harvestStart
    });
    expect(c1).toMatchObject({ harvestStart: null, harvestDetectedAt: null, hoursFromHarvestToDetect: null });
  });

  it('times catching an operation at work from its harvest start, members counted as they join', () => {
    // K: k1-k4 harvest from day 0 00:00, k5-k10 only from day 2 (aged, or hydra replacements).
    const at = (day: number, hour: number) =>
      `2026-04-2${2 + day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
    const ids = Array.from({ length: 10 }, (_, i) => `k${i + 1}`);
    const world: Labels = {
      ...labels,
      accounts: Object.fromEntries(
        ids.map((id, i) => [
          id,
          {
            persona: 'operator',
            isAttack: true,
            campaignId: 'K',
            tactic: 'hydra',
            harvestStart: at(i < 4 ? 0 : 2, 0),
          },
        ]),
      ),
      campaigns: [
        {
          id: 'K',
          operator: 'op',
          tactics: ['hydra'],
          accounts: ids,
          start: at(0, 0),
          end: at(4, 0),
          exchanges: 10,
          harvestStart: at(0, 0),
        },
      ],
    };
    const flag = (account: string, day: number, hour: number) => ({
      account,
      risk: 0.9,
      campaign: 'R',
      flaggedAt: at(day, hour),
    });
    const flagged = [
      flag('k1', 0, 1),
      flag('k2', 0, 2),
      flag('k3', 0, 3),
      flag('k5', 2, 1),
      flag('k6', 2, 2),
    ];
    const [k] = scoreResult(world, { campaigns: [], verdicts: flagged }).campaigns;
    // Three of the four at work at 03:00: caught 3 h in; half of all ten only with the 5th flag (50 h).
    expect(k).toMatchObject({ harvestDetectedAt: at(0, 3), hoursFromHarvestToDetect: 3, hoursToDetect: 50 });
    // Two flags are not enough however few are at work (min(3, half of all)), nor 3 of 7 at work.
    const late = [flag('k1', 0, 1), flag('k2', 0, 2), flag('k5', 2, 1), flag('k6', 2, 2)];
    const [k2] = scoreResult(world, { campaigns: [], verdicts: [...late, flag('k7', 3, 5)] }).campaigns;
    expect(k2).toMatchObject({ hoursFromHarvestToDetect: 77 });
    const [k3] = scoreResult(world, { campaigns: [], verdicts: late }).campaigns;
    expect(k3).toMatchObject({ harvestDetectedAt: null, hoursFromHarvestToDetect: null });
    // Three early flags of ten members, never half of all: not caught, however early they came.
    const [k4] = scoreResult(world, { campaigns: [], verdicts: flagged.slice(0, 3) }).campaigns;
    expect(k4).toMatchObject({ detected: false, hoursFromHarvestToDetect: null });
  });

  it('scores tactics over the campaigns that used them', () => {
    const byName = Object.fromEntries(score.tactics.map((row) => [row.tactic, row]));
    expect(byName.blatant).toMatchObject({
      campaigns: 1,
      campaignsDetected: 1,
      accounts: 4,
      flagged: 3,
      recall: 0.75,
    });
    expect(byName.hydra).toMatchObject({ campaigns: 1, accounts: 2, flagged: 1, recall: 0.5 });
    expect(byName['residential-proxy']).toMatchObject({ campaignsDetected: 0, recall: 0 });
  });

  it('scores account-level tactic labels', () => {
    expect(score.accountTactics).toEqual([
      { tactic: 'blatant', accounts: 4, flagged: 3, recall: 0.75 },
      { tactic: 'low-and-slow', accounts: 2, flagged: 1, recall: 0.5 },
      { tactic: 'residential-proxy', accounts: 1, flagged: 0, recall: 0 },
    ]);
  });

  it('computes the share of campaign traffic served before the flag', () => {
    expect(score.campaigns[0].exposure).toEqual({ exchanges: 6, servedBeforeFlag: 4, share: 4 / 6 });
    expect(score.campaigns[1].exposure).toEqual({ exchanges: 2, servedBeforeFlag: 2, share: 1 });
    expect(score.campaigns[2].exposure).toEqual({ exchanges: 0, servedBeforeFlag: 0, share: null });
    expect(score.exposure).toMatchObject({
      attackExchanges: 8,
      servedBeforeFlag: 6,
      servedBeforeFlagShare: 0.75,
      benignExchanges: 3,
      benignAfterFlag: 1,
      unknownExchanges: 1,
    });
    expect(score.exposure?.benignAfterFlagShare).toBeCloseTo(1 / 3);
  });

  it('computes campaign purity: benign and unknown members count against it, ties go to the smaller id', () => {
    const [r1, r2, r3, r4] = score.purity.byCampaign;
    expect(r1).toEqual({
      id: 'R1',
      accounts: 4,
      dominantCampaign: 'C1',
      dominantAccounts: 3,
      benign: 1,
      unknown: 0,
      purity: 0.75,
    });
    expect(r2).toEqual({
      id: 'R2',
      accounts: 2,
      dominantCampaign: 'C2',
      dominantAccounts: 1,
      benign: 0,
      unknown: 1,
      purity: 0.5,
    });
    expect(r3).toMatchObject({ dominantCampaign: 'C1', dominantAccounts: 1, purity: 0.5 });
    expect(r4).toMatchObject({ accounts: 0, dominantCampaign: null, purity: null });
    expect(score.purity).toMatchObject({ campaigns: 4, scored: 3 });
    expect(score.purity.weighted).toBeCloseTo(5 / 8);
    expect(score.purity.mean).toBeCloseTo((0.75 + 0.5 + 0.5) / 3);
  });

  it('checks attributions against the true operators', () => {
    const detected = (id: string, accounts: string[], at: string, to?: string): CampaignResult => ({
      ...campaigns[0],
      id,
      accounts,
      detectedAt: at,
      attribution: to === undefined ? null : { campaign: to, summary: `same operator as ${to}` },
    });
    const result = [
      detected('R1', ['a1', 'a2', 'a3', 'n1'], '2026-04-22T00:00:00Z'), // op-a (3 of 4)
      detected('R5', ['a4'], '2026-04-23T00:00:00Z', 'R1'), // op-a -> op-a
      detected('R6', ['b1', 'b2'], '2026-04-24T00:00:00Z', 'R1'), // op-b -> op-a
      detected('R7', ['n2', 'n3'], '2026-04-24T00:00:00Z', 'R1'), // benign: stands for no operator
      detected('R8', ['a1', 'n2', 'n3'], '2026-04-25T00:00:00Z'), // C1 holds a third: none
      detected('R9', ['c1'], '2026-04-25T00:00:00Z'), // op-c, first of its operator
      { ...detected('R10', ['a2'], '2026-04-21T00:00:00Z'), detectedAt: null }, // never detected
    ];
    expect(scoreResult(labels, { campaigns: result, verdicts }).attribution).toEqual({
      attributed: 3,
      sameOperator: 1,
      acrossOperators: 1,
      unresolved: 1,
      precision: 0.5,
      linkable: 1, // R5 (R1 of op-a came first); R6 and R9 are their operators' first
      linked: 1,
      recall: 1,
    });
  });

  it('reports accounts unknown to the labels', () => {
    expect(score.unknownAccounts).toEqual({ count: 1, flagged: 1, sample: ['x9'] });
    expect(score.warnings.some((w) => w.includes('not in the labels'))).toBe(true);
  });

  it('ranks by risk under a false-positive budget, whole ties at a time', () => {
    // ranked: x9 excluded; a1 .9, a2 .8, a3 .7, n1 .65 (FP), b1 .6, a4 .4, {u1,u2} .3 (2 FP), c1 .1, 0s
    const loose = scoreResult(labels, { campaigns, verdicts }, null, { falsePositiveBudget: 0.2 });
    expect(loose.atBudget).toMatchObject({ riskThreshold: 0.4, flagged: 6 });
    expect(loose.atBudget.recall).toBeCloseTo(5 / 7);
    expect(loose.atBudget.falsePositiveRate).toBeCloseTo(1 / 6);
    expect(score.atBudget).toMatchObject({
      falsePositiveBudget: 0.01,
      riskThreshold: 0.7,
      flagged: 3,
      falsePositiveRate: 0,
    });
    expect(score.atBudget.recall).toBeCloseTo(3 / 7);
  });
});

describe('scoreResult edge cases', () => {
  it('scores an empty result: nothing flagged, undefined ratios are null', () => {
    const score = scoreResult(labels, { campaigns: [], verdicts: [] });
    expect(score.accounts).toMatchObject({
      flagged: 0,
      precision: null,
      recall: 0,
      f1: null,
      falsePositiveRate: 0,
    });
    expect(score.detection).toEqual({
      campaigns: 3,
      detected: 0,
      medianHoursToFirstFlag: null,
      medianHoursToDetect: null,
      medianHoursFromHarvestToDetect: null,
    });
    expect(score.purity).toMatchObject({ campaigns: 0, scored: 0, weighted: null, mean: null });
    expect(score.exposure).toBeNull();
    expect(score.campaigns.every((c) => c.exposure === null && c.flagged === 0)).toBe(true);
    expect(score.atBudget).toMatchObject({ riskThreshold: null, flagged: 0, recall: 0 });
  });

  it('treats verdicts with a null flaggedAt as unflagged whatever their risk', () => {
    const score = scoreResult(labels, {
      campaigns: [],
      verdicts: Object.keys(labels.accounts).map((account) => ({
        account,
        risk: 1,
        campaign: null,
        flaggedAt: null,
      })),
    });
    expect(score.accounts.flagged).toBe(0);
    expect(score.accounts.recall).toBe(0);
  });

  it('counts an exchange after the flag of an unflagged account as served', () => {
    const counter = createExposureCounter(labels, new Map(), 'x');
    counter.add(exchanges);
    const score = scoreResult(labels, { campaigns: [], verdicts: [] }, counter.tally);
    expect(score.exposure).toMatchObject({
      attackExchanges: 8,
      servedBeforeFlag: 8,
      servedBeforeFlagShare: 1,
      benignAfterFlag: 0,
    });
  });

  it('handles a world without campaigns and reports inconsistent labels', () => {
    const world: Labels = {
      ...labels,
      accounts: {
        n1: labels.accounts.n1,
        z: { persona: 'x', isAttack: true, campaignId: null, tactic: null },
      },
      campaigns: [{ ...labels.campaigns[0], id: 'K', accounts: ['n1', 'ghost'] }],
    };
    const score = scoreResult(world, { campaigns: [], verdicts: [] });
    expect(score.warnings.join('\n')).toMatch(/1 campaign account\(s\) have no account label/);
    expect(score.warnings.join('\n')).toMatch(/isAttack=false/);
    expect(score.warnings.join('\n')).toMatch(/belong to no labelled campaign/);
    const none = scoreResult(
      { ...labels, campaigns: [], accounts: { n1: labels.accounts.n1 } },
      { campaigns: [], verdicts: [] },
    );
    expect(none.accounts.recall).toBeNull();
    expect(none.detection.medianHoursToDetect).toBeNull();
  });

  it('reports negative hours when an account is flagged before its campaign starts', () => {
    const early = [{ account: 'c1', risk: 1, campaign: null, flaggedAt: '2026-04-22T18:00:00Z' }];
    const score = scoreResult(labels, { campaigns: [], verdicts: early });
    expect(score.campaigns[2]).toMatchObject({ detected: true, hoursToFirstFlag: -6, hoursToDetect: -6 });
  });
});

describe('medianOrNever', () => {
  it('takes the middle value, or the mean of the two middle ones, and null when the median is never', () => {
    expect(medianOrNever([3, 1, 2])).toBe(2);
    expect(medianOrNever([4, 1, 2, 3])).toBe(2.5);
    expect(medianOrNever([1, Number.POSITIVE_INFINITY])).toBeNull();
    expect(medianOrNever([1, 2, Number.POSITIVE_INFINITY])).toBe(2);
    expect(medianOrNever([])).toBeNull();
  });
});
