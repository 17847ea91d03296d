/**
 * End-to-end tests of the dashboard in Debian's Chromium (playwright-core).
 *
 * Part 1 drives the built dashboard against a mock of the HTTP API (test/e2e/support/mock-api.ts)
 * for states the real engine makes hard to stage: empty service, server errors, revoked tokens.
 * Part 2 (dashboard.server.test.ts) runs the real service on a simulated world.
 * Skipped, with a message, when /usr/bin/chromium is absent (CI installs Debian's chromium).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysePixels, buildDashboard, hasChromium, launchBrowser, SHOTS_DIR } from './support/browser.js';
import { type MockApi, startMockApi } from './support/mock-api.js';

if (!hasChromium) {
  console.warn('dashboard e2e skipped: /usr/bin/chromium is missing (apt-get install -y chromium)');
}

describe.skipIf(!hasChromium)('dashboard against a mock API', () => {
  let browser: Browser;
  let mock: MockApi;
  let page: Page;
  let dist = '';

  beforeAll(async () => {
    dist = buildDashboard();
    mock = await startMockApi(dist);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  const shot = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS_DIR, `mock-${name}.png`), fullPage: true });
  };

  it('refuses a wrong token with a clear message, then signs in', async () => {
    await page.goto(mock.url);
    await page.getByLabel('API token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('401');
    await shot('signin-refused');
    await page.getByLabel('API token').fill(mock.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Live overview' }).waitFor();
    expect(await page.getByTestId('open-campaigns').textContent()).toBe('4');
    expect(await page.getByTestId('status-dismissed').textContent()).toContain('1');
  });

  it('polls the live overview and charts the ingest rate', async () => {
    await page.locator('.timeseries canvas').first().waitFor({ timeout: 10_000 });
    const statsCalls = mock.requests.filter((r) => r.path === '/v1/stats').length;
    expect(statsCalls).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('rate').textContent()).toMatch(/\d/);
    expect(await page.getByTestId('detection').textContent()).toBe(
      'Detection backlog1,234exchanges waiting; heap 2.5 GiB of 17.6 GiB',
    );
    await shot('overview');
  });

  it('lists campaigns as a sortable, filterable disclosure table', async () => {
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    const rows = page.locator('[data-testid=campaigns-table] tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    // Default order: score, highest first.
    expect(await rows.first().getAttribute('data-campaign')).toBe('C-0001');
    await shot('campaigns');
    // Sort by accounts: descending first, then ascending.
    await page.locator('button[data-sort=accounts]').click();
    await expect.poll(() => rows.first().getAttribute('data-campaign')).toBe('C-0006');
    await page.locator('button[data-sort=accounts]').click();
    await expect.poll(() => rows.first().getAttribute('data-campaign')).toBe('C-0003');
    // Server-side status filter.
    await page.locator('select[name=status]').selectOption('suspected');
    await expect.poll(() => rows.count()).toBe(3);
    expect(mock.requests.some((r) => r.path.includes('status=suspected'))).toBe(true);
    // Server-side score filter and client-side search.
    await page.locator('select[name=status]').selectOption('');
    await page.locator('input[name=minScore]').fill('0.9');
    await expect.poll(() => rows.count()).toBe(2);
    await page.locator('input[name=minScore]').fill('');
    await page.locator('input[name=q]').fill('tool-use');
    await expect.poll(() => rows.count()).toBe(2);
    await page.locator('input[name=q]').fill('');
    await expect.poll(() => rows.count()).toBe(6);
  });

  it('shows a campaign: graph drawn in several colours, timeline, mixes, evidence, members', async () => {
    await page.locator('a', { hasText: 'C-0002' }).first().click();
    await page.getByRole('heading', { name: /Campaign C-0002/ }).waitFor();
    const graph = page.getByTestId('account-graph');
    await expect.poll(() => graph.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    expect(Number(await graph.getAttribute('data-nodes'))).toBe(42);
    expect(Number(await graph.getAttribute('data-edges'))).toBeGreaterThan(40);
    const pixels = analysePixels(await graph.screenshot());
    expect(pixels.inkShare).toBeGreaterThan(0.01);
    expect(pixels.colours).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.graph-legend .legend-toggle').count()).toBeGreaterThanOrEqual(3);
    // Clicking a link shows the evidence behind it (the link's midpoint read from cytoscape's registry).
    // The screenshot above may have scrolled the page, and cytoscape learns its container's new place
    // from a scroll event one frame later: wait two frames, and on a busy machine try the next link.
    const linkPanel = page.getByTestId('link-panel');
    for (let attempt = 0; attempt < 3 && !(await linkPanel.isVisible()); attempt++) {
      await graph.scrollIntoViewIfNeeded();
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
      );
      const mid = await graph.evaluate((el, skip) => {
        type Point = { x: number; y: number };
        type Cy = {
          edges(): { renderedMidpoint(): Point }[];
          nodes(): { renderedPosition(): Point; renderedWidth(): number }[];
        };
        const cy = (el as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
        const nodes = cy.nodes().map((n) => ({ p: n.renderedPosition(), r: n.renderedWidth() / 2 + 4 }));
        // Edges whose midpoint is clear of every node, so the click lands on the link.
        const clear = cy
          .edges()
          .map((e) => e.renderedMidpoint())
          .filter((p) => nodes.every((n) => Math.hypot(n.p.x - p.x, n.p.y - p.y) > n.r));
        const point = clear[skip % Math.max(1, clear.length)];
        if (!point) throw new Error('no edge midpoint clear of nodes');
        const box = el.getBoundingClientRect();
        return { x: box.left + point.x, y: box.top + point.y };
      }, attempt);
      await page.mouse.click(mid.x, mid.y);
      await linkPanel.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await linkPanel.waitFor();
    expect(await page.locator('[data-testid=link-panel] .evidence-item').count()).toBeGreaterThan(0);
    expect(await page.locator('.timeseries canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=campaign-evidence] .evidence-item').count()).toBe(4);
    expect(await page.locator('[data-testid=campaign-evidence] .evidence-why').count()).toBe(4);
    expect(await page.locator('.banner').textContent()).toContain('C-0001');
    expect(await page.locator('[data-testid=members-table] tbody tr').count()).toBe(42);
    // The residency map: observed IP countries filled by share, declared countries (US, JP) outlined.
    const map = page.getByTestId('residency-map');
    await map.waitFor();
    expect(await map.locator('path[data-iso]').count()).toBeGreaterThan(150);
    const fillOf = (selector: string) => map.locator(selector).first().getAttribute('fill');
    const empty = await fillOf('path[data-iso=FR]');
    expect(await fillOf('circle[data-iso=SG]')).not.toBe(empty); // most exchanges: drawn as a dot
    expect(await fillOf('path[data-iso=US]')).not.toBe(empty);
    expect(await fillOf('path[data-iso=US]')).not.toBe(await fillOf('circle[data-iso=SG]'));
    expect(await map.locator('path[data-iso=US]').getAttribute('data-declared')).toBe('true');
    expect(await map.locator('.map-declared path').count()).toBe(2);
    expect(await map.locator('circle[data-iso=SG] title').textContent()).toMatch(/SG.*exchanges, 6\d%/);
    await shot('campaign');
  });

  it('cuts a 1,200-account campaign to its 400 most connected accounts and still draws it', async () => {
    await page.goto(`${mock.url}/#/campaigns/C-0006`);
    const graph = page.getByTestId('account-graph');
    await expect.poll(() => graph.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
    expect(Number(await graph.getAttribute('data-nodes'))).toBe(400);
    expect(await page.locator('.graph-wrap').textContent()).toContain('Showing the 400 most connected of 1,200 accounts');
    const pixels = analysePixels(await graph.screenshot());
    expect(pixels.inkShare).toBeGreaterThan(0.01);
    expect(await page.locator('[data-testid=members-table] tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Show more' }).click();
    expect(await page.locator('[data-testid=members-table] tbody tr').count()).toBe(250);
    await shot('campaign-large');
    await page.goto(`${mock.url}/#/campaigns/C-0002`);
    await expect.poll(() => graph.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
  });

  it('confirms a campaign with a note and shows the new status and history', async () => {
    const firstNode = () =>
      page.getByTestId('account-graph').evaluate((el) => {
        const cy = (el as unknown as { _cyreg: { cy: { nodes(): { position(): { x: number; y: number } }[] } } })._cyreg.cy;
        return cy.nodes()[0].position();
      });
    const before = await firstNode();
    await page.getByLabel('Reviewer note').fill('Payment and template evidence checked by hand');
    await page.getByRole('button', { name: 'Confirm campaign' }).click();
    await page.getByText('Campaign confirmed.').waitFor();
    await expect.poll(() => page.locator('.page-head [data-status]').getAttribute('data-status')).toBe('confirmed');
    expect(await page.locator('.history').textContent()).toContain('Payment and template evidence checked by hand');
    // The page reloaded the campaign, but the graph kept its layout (same data, no re-layout).
    expect(await firstNode()).toEqual(before);
    const post = mock.requests.find((r) => r.method === 'POST' && r.path === '/v1/campaigns/C-0002/review');
    expect(post?.body).toEqual({ action: 'confirm', note: 'Payment and template evidence checked by hand' });
  });

  it('opens an account page and saves an override', async () => {
    await page.locator('[data-testid=members-table] tbody tr a').first().click();
    await page.getByRole('heading', { name: /Account c-0002-acct/ }).waitFor();
    expect(await page.locator('.hourbars rect').count()).toBe(24);
    expect(await page.locator('[data-testid=links-table] tbody tr').count()).toBeGreaterThan(0);
    await page.locator('[data-testid=links-table] button', { hasText: 'Evidence' }).first().click();
    expect(await page.locator('[data-testid=links-table] .evidence-item').count()).toBeGreaterThan(0);
    await shot('account');
    await page.getByRole('radio', { name: 'Block' }).check();
    await page.getByLabel('Override note').fill('operator account');
    await page.getByRole('button', { name: 'Save override' }).click();
    await page.getByText('Override saved: block.').waitFor();
    await expect.poll(() => page.locator('.page-head .badge').textContent()).toContain('override: block');
    expect(await page.getByTestId('current-override').textContent()).toContain('operator account');
    await page.getByRole('button', { name: 'Clear override' }).click();
    await page.getByTestId('current-override').waitFor({ state: 'detached' });
    expect(mock.requests.some((r) => r.method === 'DELETE' && r.path.endsWith('/override'))).toBe(true);
  });

  it('shows a clear error state when the server fails, and an empty state for an empty service', async () => {
    mock.options.failCampaigns = true;
    await page.goto(`${mock.url}/#/campaigns`);
    await page.getByText('Could not load campaigns').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('store unavailable');
    await shot('error');
    mock.options.failCampaigns = false;
    mock.options.empty = true;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('No campaigns detected yet').waitFor();
    mock.options.empty = false;
    await page.goto(`${mock.url}/#/campaigns/C-9999`);
    await page.getByText('No such campaign C-9999').waitFor();
  });

  it('signs the analyst out with an explanation when the token is rejected (401)', async () => {
    await page.evaluate(() => sessionStorage.setItem('distillwatch.token', 'revoked-token'));
    await page.goto(`${mock.url}/#/campaigns`);
    await page.getByText('The server rejected your token (401)').waitFor();
    expect(await page.getByLabel('API token').isVisible()).toBe(true);
  });
});
