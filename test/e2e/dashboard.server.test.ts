/**
 * End to end: the real `distillwatch serve` (started in-process on 127.0.0.1, port 0, temp data
 * dir, serving a fresh build of the dashboard), a simulated world (src/sim `small` preset at half scale) ingested over
 * HTTP with an ingest token as a gateway would, detection flushed through the admin API, then
 * Debian's Chromium signs in with an analyst token and works through the dashboard: overview,
 * campaign table (sort, filter), campaign page (graph pixel check), account page, a review and an
 * override, each checked against the API afterwards.
 * Skipped, with a message, when /usr/bin/chromium is absent (CI installs Debian's chromium).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignResult } from '../../src/core/types.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { createToken } from '../../src/server/tokens.js';
import { simulateToMemory } from '../../src/sim/index.js';
import { analysePixels, buildDashboard, hasChromium, launchBrowser, SHOTS_DIR } from './support/browser.js';

if (!hasChromium) {
  console.warn('dashboard e2e (real server) skipped: /usr/bin/chromium is missing (apt-get install -y chromium)');
}

describe.skipIf(!hasChromium)('dashboard on the real service with a simulated world', () => {
  let dataDir = '';
  let dist = '';
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let analyst: string;
  let ingest: string;
  let admin: string;
  let ingested = 0;
  let campaigns: CampaignResult[] = [];

  /** An authenticated API call, JSON in and out. */
  const call = async <T>(token: string, method: string, path: string, body?: string, type = 'application/json') => {
    const res = await fetch(server.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': type }) },
      body,
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  /** Posts NDJSON lines in batches, as a gateway would. */
  const postNdjson = async (path: string, lines: string[]) => {
    for (let i = 0; i < lines.length; i += 5000) {
      const batch = lines.slice(i, i + 5000);
      const answer = await call<{ accepted: number; rejectedCount: number }>(
        ingest,
        'POST',
        path,
        `${batch.join('\n')}\n`,
        'application/x-ndjson',
      );
      expect(answer.rejectedCount).toBe(0);
    }
  };

  const shot = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS_DIR, `server-${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    dist = buildDashboard();
    const world = await simulateToMemory({ preset: 'small', scale: 0.5, seed: 11 });
    dataDir = mkdtempSync(join(tmpdir(), 'distillwatch-e2e-'));
    analyst = createToken(dataDir, 'analyst', 'e2e analyst').secret;
    ingest = createToken(dataDir, 'ingest', 'e2e gateway').secret;
    admin = createToken(dataDir, 'admin', 'e2e admin').secret;
    server = await startServer({ dataDir, port: 0, webDist: dist, service: { tickIntervalMs: 0 }, log: () => {} });
    await postNdjson('/v1/accounts', world.accountLines);
    await postNdjson('/v1/exchanges', world.exchangeLines);
    ingested = world.exchangeLines.length;
    await call(admin, 'POST', '/v1/admin/flush');
    campaigns = (await call<{ campaigns: CampaignResult[] }>(analyst, 'GET', '/v1/campaigns?limit=500')).campaigns;
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    // About 20-40 s on a quiet 2-core machine (simulate, ingest over HTTP, detect); far more when
    // the machine is shared, hence the generous bound.
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('detects at least one campaign in the simulated world (precondition)', () => {
    expect(campaigns.length).toBeGreaterThan(0);
  });

  it('signs in with an analyst token and shows the live overview', async () => {
    await page.goto(server.url);
    await page.getByLabel('API token').fill(ingest);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // An ingest token is valid but may not read: the form says so.
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('403');
    await page.getByLabel('API token').fill(analyst);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Live overview' }).waitFor();
    await expect.poll(() => page.locator('.metric', { hasText: 'Exchanges stored' }).textContent()).toContain(
      ingested.toLocaleString('en-US'),
    );
    // Flushed: detection has applied everything, and its thread reports its heap.
    await expect.poll(() => page.getByTestId('detection').textContent()).toMatch(/up to date; heap .+ of .+ GiB$/);
    await shot('overview');
  });

  it('lists the detected campaigns, sorts and filters them', async () => {
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    const rows = page.locator('[data-testid=campaigns-table] tbody tr');
    await expect.poll(() => rows.count()).toBe(campaigns.length);
    const ids = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-campaign')));
    const byAccounts = [...campaigns].sort((a, b) => b.accounts.length - a.accounts.length || b.score - a.score);
    await page.locator('button[data-sort=accounts]').click();
    await expect.poll(ids).toEqual(byAccounts.map((c) => c.id));
    await shot('campaigns');
    const status = campaigns[0].status;
    await page.locator('select[name=status]').selectOption(status);
    await expect.poll(() => rows.count()).toBe(campaigns.filter((c) => c.status === status).length);
    const badges = await page.locator('[data-testid=campaigns-table] [data-status]').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-status')),
    );
    expect(new Set(badges)).toEqual(new Set([status]));
    await page.locator('select[name=status]').selectOption('');
    await expect.poll(() => rows.count()).toBe(campaigns.length);
  });

  it('draws the largest campaign: graph in several colours, timeline, evidence, members', async () => {
    const target = [...campaigns].sort((a, b) => b.accounts.length - a.accounts.length)[0];
    await page.locator(`[data-campaign="${target.id}"] a`).first().click();
    await page.getByRole('heading', { name: `Campaign ${target.id}` }).waitFor();
    const graph = page.getByTestId('account-graph');
    await expect.poll(() => graph.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
    const detail = await call<{ graph: { nodes: unknown[] }; members: unknown[] }>(
      analyst,
      'GET',
      `/v1/campaigns/${encodeURIComponent(target.id)}`,
    );
    expect(Number(await graph.getAttribute('data-nodes'))).toBe(Math.min(400, detail.graph.nodes.length));
    const pixels = analysePixels(await graph.screenshot());
    expect(pixels.inkShare).toBeGreaterThan(0.005);
    expect(pixels.colours).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.timeseries canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=campaign-evidence] .evidence-item').count()).toBe(target.evidence.length);
    expect(await page.locator('[data-testid=members-table] tbody tr').count()).toBe(Math.min(50, detail.members.length));
    await shot('campaign');
  });

  it('confirms the campaign with a note; the API agrees', async () => {
    const id = (await page.locator('.page-head .mono').textContent()) ?? '';
    const note = 'Shared payment and device evidence checked by hand';
    const confirm = page.getByRole('button', { name: 'Confirm campaign' });
    if (await confirm.isDisabled()) {
      // Already confirmed by the engine: dismissing is the review that changes the status.
      await page.getByLabel('Reviewer note').fill(note);
      await page.getByRole('button', { name: 'Dismiss as benign' }).click();
      await page.getByText('Campaign dismissed.').waitFor();
      await expect.poll(() => page.locator('.page-head [data-status]').getAttribute('data-status')).toBe('dismissed');
    } else {
      await page.getByLabel('Reviewer note').fill(note);
      await confirm.click();
      await page.getByText('Campaign confirmed.').waitFor();
      await expect.poll(() => page.locator('.page-head [data-status]').getAttribute('data-status')).toBe('confirmed');
    }
    await expect.poll(() => page.locator('.history').textContent()).toContain(note);
    const after = await call<{ campaign: { status: string; history: { note?: string }[] } }>(
      analyst,
      'GET',
      `/v1/campaigns/${encodeURIComponent(id)}`,
    );
    expect(['confirmed', 'dismissed']).toContain(after.campaign.status);
    expect(after.campaign.history.some((h) => h.note === note)).toBe(true);
  });

  it('opens a member account and blocks it with an override the gateway sees', async () => {
    const link = page.locator('[data-testid=members-table] tbody tr a').first();
    const account = ((await link.textContent()) ?? '').trim();
    await link.click();
    // The account's own h1: a looser /^Account / also matches the campaign page's "Account graph",
    // which let the checks below run before the account page had rendered.
    await page.getByRole('heading', { level: 1, name: `Account ${account}`, exact: true }).waitFor();
    expect(((await page.locator('.page-head .mono').textContent()) ?? '').trim()).toBe(account);
    expect(await page.locator('.hourbars rect').count()).toBe(24);
    await page.getByRole('heading', { name: 'Residency', exact: true }).waitFor();
    await shot('account');
    await page.getByRole('radio', { name: 'Block' }).check();
    await page.getByLabel('Override note').fill('operator account');
    await page.getByRole('button', { name: 'Save override' }).click();
    await page.getByText('Override saved: block.').waitFor();
    const risk = await call<{ decision: string }>(ingest, 'GET', `/v1/accounts/${encodeURIComponent(account)}/risk`);
    expect(risk.decision).toBe('block');
  });
});
