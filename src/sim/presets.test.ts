/** The scenario presets keep their disclosed shapes at any scale (world built, no exchanges drawn). */
import { describe, expect, it } from 'vitest';
import { simulateToMemory } from './index.js';
import { PRESETS } from './presets.js';
import { buildWorld, expectedVolume } from './world.js';

/** One two-week alibaba-2026 world (shared by the tests that need drawn exchanges). */
let shared: ReturnType<typeof simulateToMemory> | undefined;
const twoWeeks = () => {
  shared ??= simulateToMemory({ preset: 'alibaba-2026', seed: 3, scale: 0.002, days: 14 });
  return shared;
};

describe('presets', () => {
  it('alibaba-2026: 25,000 accounts, 28.8M exchanges, ~1,152 calls/account, 45 days, benign >= 3x', () => {
    const scale = 0.01;
    const world = buildWorld({ preset: PRESETS['alibaba-2026'], seed: 1, scale });
    const v = expectedVolume(world);
    const attackAccounts = world.accounts.filter((a) => a.campaign >= 0).length;
    expect(attackAccounts).toBeGreaterThan(25_000 * scale * 0.95);
    expect(attackAccounts).toBeLessThan(25_000 * scale * 1.05);
    expect(v.attack / (28_800_000 * scale)).toBeGreaterThan(0.95);
    expect(v.attack / (28_800_000 * scale)).toBeLessThan(1.05);
    expect(v.attack / attackAccounts).toBeGreaterThan(1_000);
    expect(v.attack / attackAccounts).toBeLessThan(1_300);
    expect(v.benign).toBeGreaterThan(3 * v.attack);
    expect(world.days).toBe(45);
    expect(new Date(world.start).toISOString()).toBe('2026-04-22T00:00:00.000Z');
    const targets = new Set(world.campaigns[0].spec.targets);
    for (const t of ['agentic', 'swe', 'longHorizon']) expect(targets).toContain(t);
  });

  it('feb-2026: three campaigns of ~150k, ~3.4M and ~13M exchanges over ~24,000 accounts', () => {
    const scale = 0.01;
    const world = buildWorld({ preset: PRESETS['feb-2026'], seed: 1, scale });
    const v = expectedVolume(world);
    const expected = [150_000, 3_400_000, 13_000_000];
    v.perCampaign.forEach((x, i) => {
      expect(x / (expected[i] * scale)).toBeGreaterThan(0.9);
      expect(x / (expected[i] * scale)).toBeLessThan(1.1);
    });
    const accounts = world.accounts.filter((a) => a.campaign >= 0).length;
    expect(accounts).toBeGreaterThan(24_000 * scale * 0.9);
    expect(accounts).toBeLessThan(24_000 * scale * 1.1);
    expect(v.benign).toBeGreaterThan(3 * v.attack);
    const targets = world.campaigns.map((c) => c.spec.targets.join(','));
    expect(new Set(targets).size).toBe(3);
    expect(world.campaigns[0].spec.prompts.censorship).toBeGreaterThan(0);
    expect(world.campaigns[2].spec.modelPivot).toBeGreaterThan(0);
  });

  it('--scale multiplies accounts and volume; --days overrides the window', () => {
    const a = expectedVolume(buildWorld({ preset: PRESETS.small, seed: 1, scale: 1 }));
    const b = expectedVolume(buildWorld({ preset: PRESETS.small, seed: 1, scale: 2 }));
    expect(b.attack / a.attack).toBeGreaterThan(1.8);
    expect(b.benign / a.benign).toBeGreaterThan(1.6);
    const short = buildWorld({ preset: PRESETS.small, seed: 1, scale: 1, days: 2 });
    expect(short.end - short.start).toBe(2 * 86_400_000);
    // A shorter window keeps the campaign's per-account rates (it sees only its share of the volume).
    const full = expectedVolume(buildWorld({ preset: PRESETS['alibaba-2026'], seed: 1, scale: 0.004 }));
    const nine = expectedVolume(
      buildWorld({ preset: PRESETS['alibaba-2026'], seed: 1, scale: 0.004, days: 9 }),
    );
    expect(nine.attack / full.attack).toBeGreaterThan((9 / 44) * 0.85);
    expect(nine.attack / full.attack).toBeLessThan((9 / 44) * 1.15);
  });

  it("a campaign keeps its operator's holidays: CN Labour Day (May 1-5) dips, whatever the declared country", async () => {
    const w = await twoWeeks();
    const attack = new Set(
      Object.entries(w.labels.accounts)
        .filter(([, l]) => l.isAttack)
        .map(([id]) => id),
    );
    const perDay = new Map<string, number>();
    for (const e of w.exchanges) {
      if (!attack.has(e.account as string)) continue;
      const day = (e.ts as string).slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const mean = (days: string[]) => days.reduce((x, d) => x + (perDay.get(d) ?? 0), 0) / days.length;
    const holiday = mean(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05']);
    const before = mean(['2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30']);
    expect(holiday / before).toBeLessThan(0.85);
  });

  it('the generated volume matches the expected volume', async () => {
    const w = await twoWeeks();
    const v = expectedVolume(w.world);
    expect(w.stats.attackExchanges / v.attack).toBeGreaterThan(0.7);
    expect(w.stats.attackExchanges / v.attack).toBeLessThan(1.3);
    expect((w.stats.exchanges - w.stats.attackExchanges) / v.benign).toBeGreaterThan(0.7);
    expect((w.stats.exchanges - w.stats.attackExchanges) / v.benign).toBeLessThan(1.3);
  });
});
