/**
 * A tiny stand-in for the distillwatch HTTP API (node:http) serving the fixture world and the
 * built dashboard, for browser tests of UI behaviour the real engine makes hard to stage: an empty
 * service, server errors, a revoked token. Answers are shaped exactly like the real API's.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { buildWorld } from './fixtures.js';

/** A running mock server. */
export interface MockApi {
  url: string;
  token: string;
  /** Every API request seen, for assertions. */
  requests: { method: string; path: string; body?: unknown }[];
  /** Switches: an empty world, or every campaign read failing with HTTP 500. */
  options: { empty: boolean; failCampaigns: boolean };
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Starts the mock API on 127.0.0.1 (random port), serving `distDir` at `/`. */
export async function startMockApi(distDir: string): Promise<MockApi> {
  const world = buildWorld();
  const token = 'dw_test_analyst_token';
  const requests: MockApi['requests'] = [];
  const options = { empty: false, failCampaigns: false };
  const overrides = new Map<string, { account: string; decision: string; note: string | null; actor: string; ts: number }>();
  let exchanges = 1_250_000;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const readBody = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : undefined;
  };

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, body });
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: 'unauthorized' });
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const campaigns = options.empty ? [] : [...world.campaigns.values()];

    if (parts[1] === 'stats') {
      exchanges += 1800 + Math.round(Math.random() * 400);
      const byStatus: Record<string, number> = { suspected: 0, confirmed: 0, dismissed: 0, closed: 0 };
      for (const c of campaigns) byStatus[c.campaign.status]++;
      return send(res, 200, {
        exchanges: options.empty ? 0 : exchanges,
        accounts: options.empty ? 0 : 48_210,
        ratePerSecond: options.empty ? 0 : 900 + Math.round(Math.random() * 200),
        campaigns: byStatus,
        lastTick: options.empty ? null : new Date(Date.now() - 20_000).toISOString(),
        detectionLag: options.empty ? 0 : 1_234,
        detectionHeapMiB: options.empty ? null : { used: 2_560, limit: 18_000 },
      });
    }
    if (parts[1] === 'campaigns' && parts.length === 2) {
      if (options.failCampaigns) return send(res, 500, { error: 'store unavailable' });
      const status = url.searchParams.get('status');
      const minScore = Number(url.searchParams.get('minScore') ?? 0);
      const since = url.searchParams.get('since');
      const until = url.searchParams.get('until');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const matching = campaigns
        .map((c) => c.campaign)
        .filter((c) => !status || c.status === status)
        .filter((c) => c.score >= minScore)
        .filter((c) => !since || c.lastSeen >= since)
        .filter((c) => !until || c.firstSeen <= until)
        .sort((a, b) => b.score - a.score);
      const page = matching.slice(offset, offset + limit).map(({ history: _h, ...c }) => c);
      return send(res, 200, {
        campaigns: page,
        total: matching.length,
        nextCursor: offset + limit < matching.length ? String(offset + limit) : null,
      });
    }
    if (parts[1] === 'campaigns' && parts.length === 3) {
      const c = options.empty ? undefined : world.campaigns.get(parts[2]);
      return c ? send(res, 200, c) : send(res, 404, { error: `no campaign ${parts[2]}` });
    }
    if (parts[1] === 'campaigns' && parts[3] === 'review' && req.method === 'POST') {
      const c = world.campaigns.get(parts[2]);
      if (!c) return send(res, 404, { error: `no campaign ${parts[2]}` });
      const { action, note } = body as { action: string; note?: string };
      if (action !== 'confirm' && action !== 'dismiss') return send(res, 400, { error: 'action must be confirm or dismiss' });
      c.campaign.status = action === 'confirm' ? 'confirmed' : 'dismissed';
      c.campaign.history.push({ ts: new Date().toISOString(), status: c.campaign.status, score: c.campaign.score, note, actor: 'token:analyst' });
      return send(res, 200, { campaign: c.campaign });
    }
    if (parts[1] === 'accounts' && parts.length === 3) {
      const a = world.accounts.get(parts[2]) as Record<string, unknown> | undefined;
      if (!a) return send(res, 404, { error: `no account ${parts[2]}` });
      return send(res, 200, { ...a, override: overrides.get(parts[2]) ?? null });
    }
    if (parts[1] === 'accounts' && parts[3] === 'override' && req.method === 'POST') {
      const { decision, note } = body as { decision: string; note?: string };
      if (!['allow', 'review', 'challenge', 'block'].includes(decision)) return send(res, 400, { error: 'bad decision' });
      const record = { account: parts[2], decision, note: note ?? null, actor: 'token:t1 (analyst)', ts: Date.now() };
      overrides.set(parts[2], record);
      return send(res, 200, { override: record });
    }
    if (parts[1] === 'accounts' && parts[3] === 'override' && req.method === 'DELETE') {
      return overrides.delete(parts[2]) ? send(res, 200, {}) : send(res, 404, { error: 'no override for this account' });
    }
    return send(res, 404, { error: 'not found' });
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/v1/')) {
      api(req, res, url).catch((err) => send(res, 500, { error: String(err) }));
      return;
    }
    const file = normalize(join(distDir, url.pathname === '/' ? 'index.html' : url.pathname));
    if (!file.startsWith(distDir)) return send(res, 403, { error: 'forbidden' });
    readFile(file).then(
      (data) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(data);
      },
      () => send(res, 404, { error: 'not found' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    options,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
