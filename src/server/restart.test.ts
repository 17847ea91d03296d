/**
 * Restart from a detection snapshot: the service resumes from the last snapshot (per-event
 * account state, campaign engine, event-time clock) and replays only the records stored after
 * it, and ends with the same campaigns and verdicts as a service that never stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccountVerdict, CampaignResult } from '../core/types.js';
import { DEFAULT_PIPELINE_CONFIG } from '../pipeline/config.js';
import { simulateToMemory } from '../sim/index.js';
import { openDuckDbStore } from '../store/duckdb.js';
import { type RunningServer, startServer, storePath } from './serve.js';
import { createToken } from './tokens.js';

const dir = mkdtempSync(join(tmpdir(), 'dw-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The default stages (mined template ids, whose miners' state goes with the snapshot) on two
// partition workers, as `serve` runs on this machine.
const config = { ...DEFAULT_PIPELINE_CONFIG, workers: 2 };

const start = (dataDir: string) =>
  startServer({
    dataDir,
    port: 0,
    pipeline: config,
    service: { tickIntervalMs: 0, webhookIntervalMs: 0, snapshotIntervalMs: 0 },
    log: () => {},
  });

async function call(server: RunningServer, token: string, path: string, body?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined && !path.includes('flush') ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}` },
    body,
  });
  expect(response.status, path).toBe(200);
  return response.json() as Promise<Record<string, unknown>>;
}

async function post(server: RunningServer, token: string, path: string, lines: string[]) {
  for (let i = 0; i < lines.length; i += 5000)
    await call(server, token, path, lines.slice(i, i + 5000).join('\n'));
  await call(server, token, '/v1/admin/flush');
}

async function outcome(server: RunningServer, token: string) {
  const listed = await call(
    server,
    token,
    '/v1/campaigns?status=suspected,confirmed,dismissed,closed&limit=500',
  );
  const campaigns = (listed.campaigns as CampaignResult[]).slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  const verdicts: Record<string, AccountVerdict | null> = {};
  for (const campaign of campaigns)
    for (const account of campaign.accounts) {
      const detail = await call(server, token, `/v1/accounts/${encodeURIComponent(account)}`);
      verdicts[account] = detail.verdict as AccountVerdict | null;
    }
  return { campaigns, verdicts };
}

describe('restart from a detection snapshot', () => {
  it('replays only what was stored after the snapshot, ends as a service that never stopped, keeps reviews and overrides in force', async () => {
    const world = await simulateToMemory({ preset: 'small', seed: 2, days: 4 });
    const lines = world.exchangeLines;
    const fifth = Math.floor(lines.length / 5);
    const parts = [
      lines.slice(0, 2 * fifth),
      lines.slice(2 * fifth, 3 * fifth),
      lines.slice(3 * fifth, 4 * fifth),
    ];
    const later = lines.slice(4 * fifth);

    // Reference: one service, never stopped, flushed after each part.
    const refDir = join(dir, 'ref');
    const refToken = createToken(refDir, 'admin').secret;
    const ref = await start(refDir);
    let expected: Awaited<ReturnType<typeof outcome>>;
    try {
      await post(ref, refToken, '/v1/accounts', world.accountLines);
      for (const part of parts) await post(ref, refToken, '/v1/exchanges', part);
      expected = await outcome(ref, refToken);
      expect(expected.campaigns.length).toBeGreaterThan(0);
    } finally {
      await ref.close();
    }

    // Stopped after the first part, and again after the second (a clean stop snapshots).
    const dataDir = join(dir, 'restarted');
    const token = createToken(dataDir, 'admin').secret;
    let server = await start(dataDir);
    await post(server, token, '/v1/accounts', world.accountLines);
    await post(server, token, '/v1/exchanges', parts[0]);
    await server.close();

    // Keep the snapshot taken after part 0, as if the process had died after storing part 1.
    let store = await openDuckDbStore(storePath(dataDir));
    const afterFirst = await store.getSnapshot('detection');
    await store.close();
    expect(afterFirst).not.toBeNull();

    server = await start(dataDir);
    expect(server.service.recovery().replayed).toEqual({ exchanges: 0, accountEvents: 0 });
    expect(server.service.recovery().snapshotAt).not.toBeNull();
    await post(server, token, '/v1/exchanges', parts[1]);
    await server.close();

    store = await openDuckDbStore(storePath(dataDir));
    await store.putSnapshot('detection', afterFirst!);
    await store.close();

    server = await start(dataDir);
    try {
      // Only part 1 (stored after the kept snapshot) is replayed, not the whole log.
      expect(server.service.recovery().replayed.exchanges).toBe(parts[1].length);
      await post(server, token, '/v1/exchanges', parts[2]);
      const got = await outcome(server, token);
      expect(got.campaigns).toEqual(expected.campaigns);
      expect(got.verdicts).toEqual(expected.verdicts);

      // Reviews and overrides feed back: a dismissed campaign stays dismissed as its pattern goes
      // on, its members are not blocked for it, and an override wins; all of it across a restart.
      const target = expected.campaigns.reduce((a, b) => (b.accounts.length > a.accounts.length ? b : a));
      const review = await fetch(`${server.url}/v1/campaigns/${target.id}/review`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'dismiss', note: 'known benchmark lab' }),
      });
      expect(review.status).toBe(200);
      const [member, overridden] = target.accounts;
      const override = await fetch(`${server.url}/v1/accounts/${encodeURIComponent(overridden)}/override`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ decision: 'block' }),
      });
      expect(override.status).toBe(200);
      await post(server, token, '/v1/exchanges', later);
      await server.close();
      server = await start(dataDir);
      expect(server.service.recovery().replayed.exchanges).toBe(0);
      const after = await call(server, token, `/v1/campaigns/${target.id}`);
      expect((after.campaign as CampaignResult).status).toBe('dismissed');
      const open = await call(server, token, '/v1/campaigns?status=suspected,confirmed&limit=500');
      for (const campaign of open.campaigns as CampaignResult[])
        expect(campaign.accounts.filter((account) => target.accounts.includes(account))).toEqual([]);
      const risk = await call(server, token, `/v1/accounts/${encodeURIComponent(member)}/risk`);
      expect(risk.decision).not.toBe('block');
      expect(risk.decision).not.toBe('challenge');
      const blocked = await call(server, token, `/v1/accounts/${encodeURIComponent(overridden)}/risk`);
      expect(blocked.decision).toBe('block');
    } finally {
      await server.close();
    }
  }, 600_000);
});
