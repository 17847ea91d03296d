/**
 * The done-criterion of the live service: a simulated world sent to `serve` over HTTP (account
 * events, then exchanges in NDJSON batches, then one flush) yields the same campaigns and the
 * same account verdicts as `scan` on the same log: one pipeline, one clock, two ways in.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccountVerdict, CampaignResult } from '../core/types.js';
import { DEFAULT_PIPELINE_CONFIG } from '../pipeline/config.js';
import { scan } from '../pipeline/scan.js';
import { simulateToMemory } from '../sim/index.js';
import { startServer } from './serve.js';
import { createToken } from './tokens.js';

const dir = mkdtempSync(join(tmpdir(), 'dw-equiv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BATCH = 5000;

describe('HTTP replay equals scan', () => {
  it('produces the same campaigns and verdicts as scan on a simulated world', async () => {
    const world = await simulateToMemory({ preset: 'small', seed: 1, days: 7 });
    const exchangesPath = join(dir, 'exchanges.ndjson');
    const accountsPath = join(dir, 'accounts.ndjson');
    writeFileSync(exchangesPath, `${world.exchangeLines.join('\n')}\n`);
    writeFileSync(accountsPath, `${world.accountLines.join('\n')}\n`);
    const config = { ...DEFAULT_PIPELINE_CONFIG, workers: 0 };

    const result = await scan({
      exchanges: exchangesPath,
      accounts: accountsPath,
      out: join(dir, 'scan'),
      config,
    });
    const scanVerdicts = readFileSync(join(dir, 'scan', 'verdicts.ndjson'), 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as AccountVerdict);
    expect(result.campaigns.length + scanVerdicts.filter((v) => v.flaggedAt !== null).length).toBeGreaterThan(
      0,
    );

    const dataDir = join(dir, 'data');
    const token = createToken(dataDir, 'admin').secret;
    const server = await startServer({
      dataDir,
      port: 0,
      pipeline: config,
      service: { tickIntervalMs: 0, webhookIntervalMs: 0 },
      log: () => {},
    });
    try {
      const call = async (path: string, init: RequestInit = {}) => {
        const response = await fetch(`${server.url}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status, path).toBe(200);
        return response.json() as Promise<Record<string, unknown>>;
      };
      for (let i = 0; i < world.accountLines.length; i += BATCH) {
        await call('/v1/accounts', {
          method: 'POST',
          body: world.accountLines.slice(i, i + BATCH).join('\n'),
        });
      }
      for (let i = 0; i < world.exchangeLines.length; i += BATCH) {
        const answer = await call('/v1/exchanges', {
          method: 'POST',
          body: world.exchangeLines.slice(i, i + BATCH).join('\n'),
        });
        expect(answer.rejectedCount).toBe(0);
      }
      await call('/v1/admin/flush', { method: 'POST' });

      const listed = await call('/v1/campaigns?status=suspected,confirmed,dismissed,closed&limit=500');
      const byId = (a: CampaignResult, b: CampaignResult) => (a.id < b.id ? -1 : 1);
      expect((listed.campaigns as CampaignResult[]).slice().sort(byId)).toEqual(
        result.campaigns.slice().sort(byId),
      );

      for (const verdict of scanVerdicts) {
        const account = await call(`/v1/accounts/${encodeURIComponent(verdict.account)}`);
        expect(account.verdict, verdict.account).toEqual(verdict);
      }
      const stats = await call('/v1/stats');
      expect(stats.exchanges).toBe(world.exchangeLines.length);
    } finally {
      await server.close();
    }
  }, 600_000);
});
