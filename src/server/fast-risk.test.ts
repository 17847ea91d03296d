/**
 * The inline risk path must answer exactly what the app's route answers (same status, type and
 * bytes), never an answer older than the service's state (a tick, a review or an override shows
 * in the next lookup), and leave every other case to the app.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRiskFastPath } from './fast-risk.js';
import { createApp, createRateLimiter } from './http.js';
import { type Harness, ndjson, startHarness } from './test-support/harness.js';
import { openTokenBook } from './tokens.js';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;
let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const signup = (account: string, paymentFingerprint: string) => ({
  ts: T0 - HOUR,
  account,
  kind: 'signup',
  paymentFingerprint,
  declaredCountry: 'US',
});
const exchanges = (names: string[], at: number) =>
  names.flatMap((name, i) =>
    [0, 1].map((k) => ({
      id: `x-${name}-${at}-${k}`,
      ts: at + i * 1000 + k * HOUR,
      account: name,
      prompt: 'p',
    })),
  );

describe('inline risk lookups', () => {
  it('answer what the app answers and follow every tick, review and override at once', async () => {
    harness = await startHarness();
    const h = harness;
    const service = h.server.service;
    const app = createApp({ service, tokens: openTokenBook(h.dataDir) });
    const auth = { authorization: `Bearer ${h.tokens.ingest}` };
    /** The answer over HTTP (the inline path), checked against the app's route and `service.risk`. */
    const risk = async (account: string) => {
      const path = `/v1/accounts/${encodeURIComponent(account)}/risk`;
      const inline = await fetch(`${h.url}${path}`, { headers: auth });
      const routed = await app.request(path, { headers: auth });
      const text = await inline.text();
      expect(inline.status).toBe(200);
      expect(routed.status).toBe(200);
      expect(inline.headers.get('content-type')).toBe(routed.headers.get('content-type'));
      expect(text).toBe(await routed.text());
      expect(JSON.parse(text)).toEqual(service.risk(account));
      return JSON.parse(text) as { decision: string; campaign: string | null; reasons: string[] };
    };
    const post = async (path: string, records: unknown[]) =>
      expect((await h.call(path, { method: 'POST', body: ndjson(records), role: 'ingest' })).status).toBe(
        200,
      );
    const flush = async () => expect((await h.call('/v1/admin/flush', { method: 'POST' })).status).toBe(200);

    // Asked before anything is known: the answer is remembered, then must not outlive the tick.
    expect(await risk('acct-a1')).toMatchObject({ decision: 'allow', campaign: null });
    expect((await risk('acct/odd id@x')).decision).toBe('allow');
    await post('/v1/accounts', [
      signup('acct-a1', 'pay-1'),
      signup('acct-a2', 'pay-1'),
      signup('acct-b1', 'pay-2'),
    ]);
    await post('/v1/exchanges', exchanges(['acct-a1', 'acct-a2', 'acct-b1'], T0));
    await flush();
    expect(await risk('acct-a1')).toMatchObject({ decision: 'review', campaign: 'c-pay-1' });
    expect((await risk('acct-b1')).campaign).toBe(null);

    // The campaign grows at the next tick: its members' answers change with it.
    expect((await risk('acct-a3')).decision).toBe('allow');
    await post('/v1/accounts', [signup('acct-a3', 'pay-1'), signup('acct-a4', 'pay-1')]);
    await post('/v1/exchanges', exchanges(['acct-a3', 'acct-a4'], T0 + 2 * HOUR));
    await flush();
    expect(await risk('acct-a3')).toMatchObject({ decision: 'challenge', campaign: 'c-pay-1' });
    expect((await risk('acct-a1')).reasons[0]).toMatch(/4 accounts/);

    // An override and a review show in the very next lookup.
    const override = await h.call('/v1/accounts/acct-a2/override', {
      method: 'POST',
      role: 'analyst',
      body: JSON.stringify({ decision: 'allow', note: 'known customer' }),
    });
    expect(override.status).toBe(200);
    expect((await risk('acct-a2')).reasons[0]).toMatch(/analyst override/);
    expect(
      (await h.call('/v1/accounts/acct-a2/override', { method: 'DELETE', role: 'analyst' })).status,
    ).toBe(200);
    expect((await risk('acct-a2')).decision).toBe('challenge');
    const review = await h.call('/v1/campaigns/c-pay-1/review', {
      method: 'POST',
      role: 'analyst',
      body: JSON.stringify({ action: 'confirm' }),
    });
    expect(review.status).toBe(200);
    expect((await risk('acct-a1')).decision).toBe('block');
  });

  it('leaves every other case to the app', async () => {
    const frozen = Date.now();
    harness = await startHarness({ limits: { ratePerSecond: 1, rateBurst: 2 }, now: () => frozen });
    const h = harness;
    const limiter = createRateLimiter({ ratePerSecond: 1, rateBurst: 2 }, () => frozen);
    const fast = createRiskFastPath({ service: h.server.service, tokens: openTokenBook(h.dataDir), limiter });
    // A server with only the inline path: what it does not answer comes back as 599.
    const server = createServer((request, response) => {
      if (!fast(request, response)) response.writeHead(599).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const status = async (path: string, init: RequestInit = {}) =>
      (await fetch(`${url}${path}`, init)).status;
    const bearer = (secret: string) => ({ headers: { authorization: `Bearer ${secret}` } });
    try {
      expect(await status('/v1/accounts/a/risk', bearer(h.tokens.analyst))).toBe(200);
      expect(await status('/v1/accounts/b/risk', bearer(h.tokens.analyst))).toBe(200);
      expect(await status('/v1/accounts/a/risk?verbose=1', bearer(h.tokens.ingest))).toBe(200);
      expect(await status('/v1/accounts/a/risk')).toBe(599);
      expect(await status('/v1/accounts/a/risk', bearer('dw_not-a-token'))).toBe(599);
      expect(await status(`/v1/accounts/${'x'.repeat(513)}/risk`, bearer(h.tokens.admin))).toBe(599);
      expect(await status('/v1/accounts/%E0%A4%A/risk', bearer(h.tokens.admin))).toBe(599);
      expect(await status('/v1/accounts/a/risk', { method: 'POST', ...bearer(h.tokens.admin) })).toBe(599);
      expect(await status('/v1/accounts/a', bearer(h.tokens.admin))).toBe(599);
      // The analyst token has spent its burst of 2: the app answers 429 from the same buckets.
      expect(await status('/v1/accounts/a/risk', bearer(h.tokens.analyst))).toBe(599);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // Through the service's own server, the app gives those answers.
    expect((await h.call('/v1/accounts/a/risk', { role: null })).status).toBe(401);
    expect((await h.call(`/v1/accounts/${'x'.repeat(513)}/risk`, { role: 'ingest' })).status).toBe(400);
    // The 400 above spent one of the ingest token's 2; one answer is left, on either path.
    const codes: number[] = [];
    for (let i = 0; i < 2; i++) codes.push((await h.call('/v1/accounts/a/risk', { role: 'ingest' })).status);
    expect(codes).toEqual([200, 429]);
  });
});
