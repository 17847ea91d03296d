import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountVerdict, CampaignResult } from '../core/types.js';
import { readResult } from '../eval/result.js';
import { type MemoryWorld, simulateToMemory } from '../sim/index.js';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from './config.js';
import { scan } from './scan.js';
import { handWrittenLog, writeLog } from './test-support/logs.js';

const dir = mkdtempSync(join(tmpdir(), 'dw-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = (workers: number): PipelineConfig => ({ ...DEFAULT_PIPELINE_CONFIG, workers });

describe('scan on a hand-written log', () => {
  const log = handWrittenLog(3);
  const paths = writeLog(join(dir, 'hw'), log, [
    '{"id":"oops","ts":"2026-04-24T10:00:00Z","account":"op-1","n":0}',
  ]);

  it('finds the campaign, leaves the university NAT and the developers alone, and writes the result and report', async () => {
    const out = join(dir, 'hw-out');
    const result = await scan({
      exchanges: paths.exchanges,
      accounts: paths.accounts,
      out,
      config: config(0),
    });
    expect(result.replay.exchanges).toBe(log.exchanges.length);
    expect(result.replay.rejected).toBe(1);

    const { campaigns, verdicts } = await readResult(out);
    const active = campaigns.filter((c) => c.status === 'suspected' || c.status === 'confirmed');
    expect(active).toHaveLength(1);
    expect([...active[0].accounts].sort()).toEqual(log.campaignAccounts);
    const flagged = new Set(verdicts.filter((v) => v.flaggedAt !== null).map((v) => v.account));
    for (const account of log.campaignAccounts) expect(flagged.has(account)).toBe(true);
    for (const account of log.benignAccounts) expect(flagged.has(account)).toBe(false);

    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('## Disclosure table');
    expect(report).toContain(`| [${active[0].id}]`);
    expect(report).toContain(`## Campaign ${active[0].id}`);
    expect(report).toMatch(/### Evidence\n\n\| weight \| kind \| finding \|/);
    expect(report).toMatch(/cot-elicitation: “/);
    expect(report).toContain('exchanges.ndjson:1920 n: ');
  });

  it('finds the same campaign with 2 worker threads, and identical results with stateless templates', async () => {
    const run = async (name: string, workers: number, templates?: 'stateless') => {
      const out = join(dir, name);
      const result = await scan({
        exchanges: paths.exchanges,
        accounts: paths.accounts,
        out,
        config: { ...config(workers), stages: { templates } },
      });
      const flagged = result.campaigns
        .filter((c) => c.status !== 'dismissed')
        .map((c) => [...c.accounts].sort());
      return { result, flagged, verdicts: readFileSync(join(out, 'verdicts.ndjson'), 'utf8') };
    };
    const [one, two] = [await run('w0', 0), await run('w2', 2)];
    expect(two.flagged).toEqual(one.flagged);
    // Stateless template ids do not depend on the partitioning: byte-identical results.
    const [a, b] = [await run('s0', 0, 'stateless'), await run('s2', 2, 'stateless')];
    expect(b.result.campaigns).toEqual(a.result.campaigns);
    expect(b.verdicts).toBe(a.verdicts);
  });
});

describe('scan on the simulator’s small world', () => {
  let world: MemoryWorld;
  const full = join(dir, 'small');
  beforeAll(async () => {
    world = await simulateToMemory({ preset: 'small', seed: 7, days: 2 });
    writeFileSync(join(dir, 'small-x.ndjson'), `${world.exchangeLines.join('\n')}\n`);
    writeFileSync(join(dir, 'small-a.ndjson'), `${world.accountLines.join('\n')}\n`);
  });

  it('detects campaigns made of attack accounts', async () => {
    const result = await scan({
      exchanges: join(dir, 'small-x.ndjson'),
      accounts: join(dir, 'small-a.ndjson'),
      out: full,
      config: config(0),
    });
    expect(result.replay.rejected).toBe(0);
    const active = result.campaigns.filter((c) => c.status !== 'dismissed');
    expect(active.length).toBeGreaterThan(0);
    const members = active.flatMap((c) => c.accounts);
    const attack = members.filter((a) => world.labels.accounts[a]?.isAttack);
    expect(attack.length / members.length).toBeGreaterThan(0.9);
  });

  it('never looks ahead: truncating the log at T leaves every flag raised before T unchanged', async () => {
    const { campaigns, verdicts } = await readResult(full);
    const start = Date.parse(world.labels.start);
    for (const hours of [30]) {
      const cut = start + hours * 3_600_000;
      const before = (line: string) => Date.parse((JSON.parse(line) as { ts: string }).ts) < cut;
      writeFileSync(join(dir, `cut-x-${hours}.ndjson`), `${world.exchangeLines.filter(before).join('\n')}\n`);
      writeFileSync(join(dir, `cut-a-${hours}.ndjson`), `${world.accountLines.filter(before).join('\n')}\n`);
      const out = join(dir, `cut-${hours}`);
      await scan({
        exchanges: join(dir, `cut-x-${hours}.ndjson`),
        accounts: join(dir, `cut-a-${hours}.ndjson`),
        out,
        config: config(0),
      });
      const truncated = await readResult(out);
      const early = (v: AccountVerdict[]) =>
        v
          .filter((x) => x.flaggedAt !== null && Date.parse(x.flaggedAt) < cut)
          .map((x) => `${x.account}@${x.flaggedAt}`)
          .sort();
      const detected = (c: CampaignResult[]) =>
        c
          .filter((x) => x.detectedAt !== null && Date.parse(x.detectedAt) < cut)
          .map((x) => `${x.id}@${x.detectedAt}`)
          .sort();
      expect(early(truncated.verdicts)).toEqual(early(verdicts));
      expect(detected(truncated.campaigns)).toEqual(detected(campaigns));
      expect(early(verdicts).length).toBeGreaterThan(0);
    }
  });
});
