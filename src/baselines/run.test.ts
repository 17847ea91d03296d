import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderScore } from '../cli/commands/eval.js';
import type { Labels } from '../core/types.js';
import { evaluateResult, writeScore } from '../eval/index.js';
import { readResult } from '../eval/result.js';
import { runBaseline } from './run.js';

// A tiny world on real addresses, classified by the real enricher (packaged IP data):
// 52.95.110.1 Amazon (hosting), 73.162.10.5 and 24.5.6.7 Comcast (isp), 172.224.226.1 iCloud Private Relay (relay).
const T0 = Date.parse('2026-04-22T00:00:00Z');
const MIN = 60_000;
let n = 0;
const line = (account: string, minutes: number, ip: string) =>
  JSON.stringify({
    id: `x${n++}`,
    ts: new Date(T0 + minutes * MIN).toISOString(),
    account,
    ip,
    prompt: 'hello',
  });

const exchanges = [
  line('op1', 0, '52.95.110.1'), // blatant operator on a cloud host, 4 calls in 30 min
  line('op2', 5, '73.162.10.5'), // operator account with a throwaway email on a home line
  line('bench', 6, '73.162.10.5'), // honest benchmark runner: 5 calls in an hour
  line('op1', 10, '52.95.110.1'),
  line('bench', 18, '73.162.10.5'),
  line('op1', 20, '52.95.110.1'),
  line('op3', 21, '24.5.6.7'), // residential-proxy operator with webmail: invisible to both rules
  line('bench', 30, '73.162.10.5'),
  line('op1', 30, '52.95.110.1'),
  line('iphone', 35, '172.224.226.1'), // honest user behind Private Relay
  line('bench', 42, '73.162.10.5'),
  line('home', 50, '24.5.6.7'), // honest casual user
  line('bench', 54, '73.162.10.5'),
  '{"id":"broken","ts":"yesterday","account":"op1"}',
];
const accounts = [
  { ts: '2026-04-21T23:00:00Z', account: 'op2', kind: 'signup', emailDomain: 'mailinator.com' },
  { ts: '2026-04-21T23:00:00Z', account: 'op3', kind: 'signup', emailDomain: 'gmail.com' },
  { ts: '2026-04-21T22:00:00Z', account: 'home', kind: 'signup', emailDomain: 'gmail.com' },
].map((record) => JSON.stringify(record));

const attack = (campaignId: string) => ({ persona: 'operator', isAttack: true, campaignId, tactic: null });
const benign = (persona: string) => ({ persona, isAttack: false, campaignId: null, tactic: null });
const labels: Labels = {
  preset: 'tiny',
  seed: 0,
  scale: 1,
  days: 1,
  start: '2026-04-21T00:00:00Z',
  end: '2026-04-23T00:00:00Z',
  accounts: {
    op1: attack('K1'),
    op2: attack('K1'),
    op3: attack('K2'),
    bench: benign('benchmark'),
    iphone: benign('vpn-user'),
    home: benign('chat'),
  },
  campaigns: [
    {
      id: 'K1',
      operator: 'x',
      tactics: ['blatant'],
      accounts: ['op1', 'op2'],
      start: '2026-04-22T00:00:00Z',
      end: '2026-04-22T01:00:00Z',
      exchanges: 5,
    },
    {
      id: 'K2',
      operator: 'y',
      tactics: ['residential-proxy'],
      accounts: ['op3'],
      start: '2026-04-22T00:00:00Z',
      end: '2026-04-22T01:00:00Z',
      exchanges: 1,
    },
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dw-baseline-'));
  await writeFile(join(dir, 'exchanges.ndjson'), `${exchanges.join('\n')}\n`);
  await writeFile(join(dir, 'accounts.ndjson'), `${accounts.join('\n')}\n`);
  await writeFile(join(dir, 'labels.json'), JSON.stringify(labels));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('baselines end to end: files in, result contract out, scored', () => {
  it('volume: flags the bursty operator and the honest benchmark runner, misses the rest', async () => {
    const out = join(dir, 'volume');
    const report = await runBaseline({
      baseline: 'volume',
      exchangesPath: join(dir, 'exchanges.ndjson'),
      outDir: out,
      volume: { threshold: 4, windowHours: 1 },
    });
    expect(report.exchanges).toMatchObject({ accepted: 13, rejected: 1 });
    const result = await readResult(out);
    const flagged = Object.fromEntries(result.verdicts.map((v) => [v.account, v.flaggedAt]));
    expect(flagged).toEqual({
      bench: '2026-04-22T00:42:00.000Z',
      home: null,
      iphone: null,
      op1: '2026-04-22T00:30:00.000Z',
      op2: null,
      op3: null,
    });
    const score = await evaluateResult({
      labelsPath: join(dir, 'labels.json'),
      resultDir: out,
      exchangesPath: join(dir, 'exchanges.ndjson'),
    });
    expect(score.accounts).toMatchObject({ truePositives: 1, falsePositives: 1, precision: 0.5 });
    expect(score.accounts.recall).toBeCloseTo(1 / 3);
    // K1: op1's 4 exchanges all at or before its 00:30 flag, op2's 1 exchange never flagged: 5 of 5 served.
    expect(score.campaigns[0]).toMatchObject({
      recall: 0.5,
      detected: true,
      hoursToFirstFlag: 0.5,
      exposure: { exchanges: 5, servedBeforeFlag: 5, share: 1 },
    });
    // bench: its 5th exchange (00:54) came after its 00:42 flag.
    expect(score.exposure).toMatchObject({ benignExchanges: 7, benignAfterFlag: 1, rejected: 1 });
    expect(score.warnings.join('\n')).toMatch(/1 of 14 lines .* were rejected/);
    // the catch-all campaign mixes one operator and one benign account
    expect(score.purity.byCampaign).toEqual([
      {
        id: 'volume',
        accounts: 2,
        dominantCampaign: 'K1',
        dominantAccounts: 1,
        benign: 1,
        unknown: 0,
        purity: 0.5,
      },
    ]);
    const path = await writeScore(out, score);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(score);
  });

  it('network: flags the cloud operator, the throwaway email and the Private Relay user, not the home users', async () => {
    const out = join(dir, 'network');
    const report = await runBaseline({
      baseline: 'network',
      exchangesPath: join(dir, 'exchanges.ndjson'),
      accountsPath: join(dir, 'accounts.ndjson'),
      outDir: out,
    });
    expect(report.accounts).toMatchObject({ accepted: 3, rejected: 0 });
    const result = await readResult(out);
    const flagged = Object.fromEntries(result.verdicts.map((v) => [v.account, v.flaggedAt]));
    expect(flagged).toEqual({
      bench: null,
      home: null,
      iphone: '2026-04-22T00:35:00.000Z',
      op1: '2026-04-22T00:00:00.000Z',
      op2: '2026-04-21T23:00:00.000Z',
      op3: null,
    });
    const score = await evaluateResult({ labelsPath: join(dir, 'labels.json'), resultDir: out });
    expect(score.accounts).toMatchObject({ truePositives: 2, falsePositives: 1 });
    expect(score.accounts.falsePositiveRate).toBeCloseTo(1 / 3);
    expect(score.personas.find((p) => p.persona === 'vpn-user')?.falsePositiveRate).toBe(1);
    // K1 flagged an hour before its start (op2 at sign-up), which is already half of its 2 accounts:
    // negative hours are reported as such
    expect(score.campaigns[0]).toMatchObject({ recall: 1, hoursToFirstFlag: -1, hoursToDetect: -1 });
    expect(score.campaigns[1]).toMatchObject({ recall: 0, detected: false });
    expect(score.exposure).toBeNull();
    expect(renderScore(score)).toMatch(/served-before-flag share: unavailable/);
  });
});
