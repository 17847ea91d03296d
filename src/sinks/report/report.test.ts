import { describe, expect, it } from 'vitest';
import { applyExchange, createAccountState, summarise } from '../../behaviour/index.js';
import type { CampaignResult } from '../../core/types.js';
import { dailySeries, hourOfDay, type ReportInput, renderReport, sparkline } from './report.js';

const T0 = Date.parse('2026-04-22T00:00:00Z');
const DAY = 86_400_000;

const input: ReportInput = {
  file: 'x.ndjson',
  accountsFile: 'a.ndjson',
  lines: 1002,
  exchanges: 1000,
  accountEvents: 10,
  rejected: 2,
  late: 0,
  accounts: 12,
  firstTs: T0,
  lastTs: T0 + 3 * DAY,
  ticks: 72,
  tickMs: 3_600_000,
  wallMs: 1234,
};

const campaign: CampaignResult = {
  id: 'C-7',
  status: 'confirmed',
  score: 0.91,
  accounts: ['a2', 'a1'],
  exchanges: 600,
  callsPerAccount: 300,
  firstSeen: new Date(T0).toISOString(),
  lastSeen: new Date(T0 + 3 * DAY).toISOString(),
  detectedAt: new Date(T0 + 6 * 3_600_000).toISOString(),
  capabilities: { reasoning: 0.8, math: 0.5, chat: 0 },
  evidence: [
    { kind: 'shared-payment', weight: 1.2, summary: '2 accounts share payment fingerprint pf-1 | a pipe' },
    { kind: 'benign-org', weight: -0.3, summary: 'verified organisation' },
  ],
  attribution: { campaign: 'C-2', summary: 'same operator as C-2, via 3 shared /24 prefixes' },
};

function summary(account: string, perDay: number[]) {
  const s = createAccountState(account);
  perDay.forEach((n, d) => {
    for (let i = 0; i < n; i++)
      applyExchange(
        s,
        { id: `${account}${d}${i}`, ts: T0 + d * DAY + i * 60_000, account },
        { fingerprint: null, net: null, client: null },
      );
  });
  return summarise(s);
}

describe('report.md', () => {
  it('draws sparklines scaled to the maximum, with gaps for zero', () => {
    expect(sparkline([0, 1, 2, 4, 8])).toBe(' ▁▂▄█');
    expect(sparkline([0, 0])).toBe('▁▁');
  });

  it('sums daily and hourly activity across accounts, filling missing days', () => {
    const series = dailySeries([summary('a1', [3, 0, 5]), summary('a2', [1, 0, 0, 2])]);
    expect(series).toEqual({ start: '2026-04-22', values: [4, 0, 5, 2] });
    expect(hourOfDay([summary('a1', [3])])[0]).toBe(3);
  });

  it('renders the disclosure table, evidence by weight, attribution and issues', () => {
    const summaries = new Map([
      ['a1', summary('a1', [100, 100, 100])],
      ['a2', summary('a2', [50, 100, 150])],
    ]);
    const md = renderReport({
      input,
      campaigns: [campaign, { ...campaign, id: 'C-9', status: 'dismissed' }],
      verdicts: [
        { account: 'a1', risk: 0.9, campaign: 'C-7', flaggedAt: campaign.detectedAt },
        { account: 'solo', risk: 0.7, campaign: null, flaggedAt: campaign.detectedAt },
        { account: 'ok', risk: 0.01, campaign: null, flaggedAt: null },
      ],
      summaries,
      issues: [{ file: 'x.ndjson', line: 17, field: 'ts', reason: 'is required' }],
    });
    expect(md).toContain(
      '| [C-7](#campaign-c-7) | confirmed | same operator as C-2 | 2 | 600 | 300 | 2026-04-22 – 2026-04-25 (3.0 days) | reasoning 80%, math 50% | 2026-04-22 06:00 |',
    );
    expect(md).toContain(
      '**1 campaign** (1 confirmed, 0 suspected); 2 accounts flagged, 1 of them outside any campaign.',
    );
    expect(md).toContain('6.0 hours of event time after its first exchange');
    // The attribution's words once, with its evidence.
    expect(md).toContain('- **Operator**: same operator as C-2, via 3 shared /24 prefixes\n');
    expect(md.indexOf('shared-payment')).toBeLessThan(md.indexOf('benign-org'));
    expect(md).toContain('share payment fingerprint pf-1 \\| a pipe');
    expect(md).toContain('| -0.30 | benign-org |');
    expect(md).toContain('- C-9 (dismissed');
    expect(md).toContain('| solo | 0.70 |');
    expect(md).toContain('x.ndjson:17 ts: is required');
    expect(md).toMatch(/```\n▅▇█\n```/); // 150, 200, 250 exchanges a day
  });

  it('says so when nothing was found', () => {
    const md = renderReport({ input, campaigns: [], verdicts: [], summaries: new Map(), issues: [] });
    expect(md).toContain('No campaign was detected.');
  });
});
