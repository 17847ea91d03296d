import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openApiDocument } from './openapi.js';
import { createFakeDetection } from './test-support/fake-detection.js';
import { type Harness, ndjson, startHarness } from './test-support/harness.js';
import { createToken } from './tokens.js';

const run = promisify(execFile);
const T0 = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;
let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const exchange = (id: string, account: string, ts = T0, extra: Record<string, unknown> = {}) => ({
  id,
  ts,
  account,
  prompt: 'Solve step by step',
  ...extra,
});
const signup = (account: string, paymentFingerprint: string, ts = T0 - HOUR) => ({
  ts,
  account,
  kind: 'signup',
  paymentFingerprint,
  declaredCountry: 'US',
});

/** Two campaigns' worth of traffic: acct-a* share card pay-1, acct-b* share pay-2; acct-solo is alone. */
async function seed(h: Harness) {
  const accounts = [
    ...['a1', 'a2', 'a3'].map((a) => signup(`acct-${a}`, 'pay-1')),
    ...['b1', 'b2'].map((b) => signup(`acct-${b}`, 'pay-2')),
    signup('acct-solo', 'pay-3'),
  ];
  expect(
    (await h.call('/v1/accounts', { method: 'POST', body: ndjson(accounts), role: 'ingest' })).status,
  ).toBe(200);
  const names = ['a1', 'a2', 'a3', 'b1', 'b2', 'solo'];
  const records = names.flatMap((name, i) =>
    [0, 1].map((k) => exchange(`x-${name}-${k}`, `acct-${name}`, T0 + i * 1000 + k * HOUR)),
  );
  expect(
    (await h.call('/v1/exchanges', { method: 'POST', body: ndjson(records), role: 'ingest' })).status,
  ).toBe(200);
  expect((await h.call('/v1/admin/flush', { method: 'POST' })).status).toBe(200);
}

describe('security', () => {
  it('leaves only the health check open and enforces roles', async () => {
    harness = await startHarness();
    const h = harness;
    expect((await h.call('/healthz', { role: null })).status).toBe(200);
    for (const path of [
      '/openapi.json',
      '/v1/campaigns',
      '/v1/stats',
      '/v1/accounts/x/risk',
      '/v1/blocklist',
    ]) {
      const response = await h.call(path, { role: null });
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/Bearer/);
    }
    const bad = await fetch(`${h.url}/v1/stats`, {
      headers: { authorization: 'Bearer dw_not-a-real-token' },
    });
    expect(bad.status).toBe(401);
    expect((await h.call('/v1/stats', { role: 'ingest' })).status).toBe(403);
    expect((await h.call('/v1/stats', { role: 'analyst' })).status).toBe(200);
    expect((await h.call('/v1/webhooks', { role: 'analyst' })).status).toBe(403);
    expect((await h.call('/v1/webhooks', { role: 'admin' })).status).toBe(200);
    expect((await h.call('/v1/accounts/x/risk', { role: 'ingest' })).status).toBe(200);
  });

  it('accepts tokens created after start (the token file is re-read)', async () => {
    let clock = Date.now();
    harness = await startHarness({ now: () => clock });
    const { secret } = createToken(harness.dataDir, 'analyst', 'late');
    clock += 1500;
    const response = await fetch(`${harness.url}/v1/stats`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.status).toBe(200);
  });

  it('answers errors as JSON without stack traces, and rate-limits per token', async () => {
    const frozen = Date.now();
    harness = await startHarness({ limits: { ratePerSecond: 1, rateBurst: 3 }, now: () => frozen });
    const h = harness;
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await h.call('/v1/accounts/a/risk', { role: 'ingest' })).status);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const limited = await h.call('/v1/accounts/a/risk', { role: 'ingest' });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    const notFound = await h.call('/v1/nope', { role: 'admin' });
    expect(notFound.status).toBe(404);
    const text = await notFound.text();
    expect(JSON.parse(text).error).toBeTruthy();
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses bodies and batches over the limits', async () => {
    harness = await startHarness({ limits: { maxBodyBytes: 2000, maxBatch: 3 } });
    const big = await harness.call('/v1/exchanges', {
      method: 'POST',
      body: 'x'.repeat(5000),
      role: 'ingest',
    });
    expect(big.status).toBe(413);
    const many = await harness.call('/v1/exchanges', {
      method: 'POST',
      body: ndjson([1, 2, 3, 4].map((i) => exchange(`m${i}`, 'a'))),
      role: 'ingest',
    });
    expect(many.status).toBe(413);
    expect((await many.json()).error).toMatch(/more than 3 records/);
    const bomb = gzipSync(Buffer.alloc(100_000, 0x20));
    const zipped = await harness.call('/v1/exchanges', {
      method: 'POST',
      body: bomb,
      headers: { 'content-encoding': 'gzip' },
      role: 'ingest',
    });
    expect(zipped.status).toBe(413);
  });
});

describe('ingest', () => {
  it('keeps good records, lists bad ones by index and reason, and is idempotent by id', async () => {
    harness = await startHarness();
    const h = harness;
    const body = [
      JSON.stringify(exchange('e1', 'a')),
      '{broken',
      JSON.stringify({ id: 'e2', account: 'a' }),
      JSON.stringify(exchange('e3', 'b', T0, { temperature: -1 })),
    ].join('\n');
    const first = await h.call('/v1/exchanges', { method: 'POST', body, role: 'ingest' });
    expect(first.status).toBe(200);
    const answer = await first.json();
    expect(answer).toMatchObject({ received: 4, accepted: 1, stored: 1, duplicates: 0, rejectedCount: 3 });
    expect(answer.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2, 3]);
    expect(answer.rejected[0].reason).toMatch(/invalid JSON/);
    expect(answer.rejected[1]).toMatchObject({ line: 3, field: 'ts', reason: 'ts: is required' });
    expect(answer.rejected[2].reason).toMatch(/temperature: must be >= 0/);
    const retry = await (
      await h.call('/v1/exchanges', {
        method: 'POST',
        body: ndjson([exchange('e1', 'a'), exchange('e4', 'a')]),
        role: 'ingest',
      })
    ).json();
    expect(retry).toMatchObject({ accepted: 2, stored: 1, duplicates: 1 });
    await h.server.service.settled();
    expect(h.detection.exchanges.map((x) => x.id)).toEqual(['e1', 'e4']);
    const allBad = await h.call('/v1/exchanges', { method: 'POST', body: '{"nope":1}\n', role: 'ingest' });
    expect(allBad.status).toBe(400);
  });

  it('takes gzip NDJSON from curl', async () => {
    harness = await startHarness();
    const dir = join(harness.dataDir, 'curl');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'batch.ndjson.gz');
    writeFileSync(file, gzipSync(ndjson([exchange('g1', 'a'), exchange('g2', 'b')])));
    const { stdout } = await run('curl', [
      '-sS',
      '-X',
      'POST',
      '-H',
      `Authorization: Bearer ${harness.tokens.ingest}`,
      '-H',
      'Content-Type: application/x-ndjson',
      '-H',
      'Content-Encoding: gzip',
      '--data-binary',
      `@${file}`,
      `${harness.url}/v1/exchanges`,
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ accepted: 2, stored: 2, rejectedCount: 0 });
  });

  it('ingests account events once each', async () => {
    harness = await startHarness();
    const events = [signup('a', 'p'), signup('b', 'p'), { ts: T0, account: 'c' }];
    const answer = await (
      await harness.call('/v1/accounts', { method: 'POST', body: ndjson(events), role: 'ingest' })
    ).json();
    expect(answer).toMatchObject({ accepted: 2, stored: 2, rejectedCount: 1 });
    expect(answer.rejected[0]).toMatchObject({ index: 2, field: 'kind' });
    const again = await (
      await harness.call('/v1/accounts', { method: 'POST', body: ndjson(events.slice(0, 2)), role: 'ingest' })
    ).json();
    expect(again).toMatchObject({ stored: 0, duplicates: 2 });
  });

  it('ingests LiteLLM webhook batches and reports bad records', async () => {
    harness = await startHarness();
    const payload = (id: string, user: string | null) => ({
      id,
      call_type: 'acompletion',
      status: 'success',
      startTime: T0 / 1000,
      endTime: T0 / 1000 + 1,
      model: 'gpt-4o',
      prompt_tokens: 10,
      completion_tokens: 20,
      metadata: { user_api_key_user_id: user, user_api_key_hash: null },
      messages: [{ role: 'user', content: 'hi' }],
      model_parameters: {},
    });
    const answer = await (
      await harness.call('/v1/litellm', {
        method: 'POST',
        body: JSON.stringify([payload('l1', 'u1'), payload('l2', null)]),
        role: 'ingest',
      })
    ).json();
    expect(answer).toMatchObject({ received: 2, accepted: 1, stored: 1, rejectedCount: 1 });
    expect(answer.rejected[0]).toMatchObject({ index: 1 });
  });

  it('confirms applied records once ingest goes quiet, without waiting for a tick', async () => {
    // Detection whose settle round trips the test answers by hand once started, one at a time.
    const settles: (() => void)[] = [];
    let holding = false;
    const detection = {
      ...createFakeDetection(),
      settle: () => (holding ? new Promise<void>((resolve) => settles.push(resolve)) : Promise.resolve()),
    };
    harness = await startHarness({ detection });
    const h = harness;
    holding = true;
    const lag = async () => (await (await h.call('/v1/stats')).json()).detectionLag;
    const post = (records: unknown[]) =>
      h.call('/v1/exchanges', { method: 'POST', body: ndjson(records), role: 'ingest' });
    await post([exchange('q1', 'a', T0), exchange('q2', 'b', T0 + 1000)]);
    await vi.waitFor(() => expect(settles).toHaveLength(1));
    expect(await lag()).toBe(2);
    // While that round trip is out, more records come: no second one is asked yet.
    await post([exchange('q3', 'a', T0 + 2000)]);
    expect(settles).toHaveLength(1);
    settles[0]();
    // The first confirms the first two; the third is asked for at once.
    await vi.waitFor(() => expect(settles).toHaveLength(2));
    expect(await lag()).toBe(1);
    settles[1]();
    await vi.waitFor(async () => expect(await lag()).toBe(0));
    expect(settles).toHaveLength(2);
    expect(h.detection.ticks).toEqual([]);
    holding = false;
  });
});

describe('retention', () => {
  it('deletes stored exchanges older than the retention horizon at each tick', async () => {
    harness = await startHarness({ service: { tickIntervalMs: 0, webhookIntervalMs: 0, retentionDays: 1 } });
    const h = harness;
    const day = 24 * HOUR;
    const records = [
      exchange('old', 'a', T0),
      exchange('mid', 'a', T0 + day),
      exchange('new', 'a', T0 + 2.5 * day),
    ];
    await h.call('/v1/exchanges', { method: 'POST', role: 'ingest', body: ndjson(records) });
    await h.call('/v1/admin/flush', { method: 'POST' });
    const kept: string[] = [];
    await h.server.service.store.replay('exchanges', (batch) => void kept.push(...batch.map((x) => x.id)));
    expect(kept).toEqual(['new']);
    expect(
      (await (await h.call('/v1/stats', { role: 'analyst' })).json()).ratePerSecond,
    ).toBeGreaterThanOrEqual(0);
  });
});

describe('campaigns, review, enforcement', () => {
  it('lists, filters and pages campaigns, and details one for the dashboard', async () => {
    harness = await startHarness();
    const h = harness;
    await seed(h);
    const list = await (await h.call('/v1/campaigns', { role: 'analyst' })).json();
    expect(list.total).toBe(2);
    expect(list.campaigns.map((c: { id: string }) => c.id)).toEqual(['c-pay-1', 'c-pay-2']);
    expect(list.nextCursor).toBeNull();
    const page1 = await (await h.call('/v1/campaigns?limit=1', { role: 'analyst' })).json();
    expect(page1.campaigns).toHaveLength(1);
    const page2 = await (
      await h.call(`/v1/campaigns?limit=1&cursor=${page1.nextCursor}`, { role: 'analyst' })
    ).json();
    expect(page2.campaigns[0].id).toBe('c-pay-2');
    expect(page2.nextCursor).toBeNull();
    expect((await (await h.call('/v1/campaigns?minScore=0.65', { role: 'analyst' })).json()).total).toBe(1);
    expect((await (await h.call('/v1/campaigns?status=confirmed', { role: 'analyst' })).json()).total).toBe(
      0,
    );
    expect(
      (await (await h.call('/v1/campaigns?until=2026-03-01T00:00:00Z', { role: 'analyst' })).json()).total,
    ).toBe(0);
    for (const bad of [
      'status=open',
      'minScore=2',
      'limit=0',
      'since=yesterday',
      'cursor=zzz',
      'colour=red',
    ]) {
      expect((await h.call(`/v1/campaigns?${bad}`, { role: 'analyst' })).status, bad).toBe(400);
    }
    const detail = await (await h.call('/v1/campaigns/c-pay-1', { role: 'analyst' })).json();
    expect(detail.campaign.history).toHaveLength(1);
    expect(detail.members.map((m: { account: string }) => m.account)).toEqual([
      'acct-a1',
      'acct-a2',
      'acct-a3',
    ]);
    expect(detail.members[0]).toMatchObject({ exchanges: 2, declaredCountry: 'US', residency: 'unknown' });
    expect(detail.timeline).toEqual([
      { hour: '2026-03-02T00:00:00.000Z', exchanges: 3 },
      { hour: '2026-03-02T01:00:00.000Z', exchanges: 3 },
    ]);
    expect(detail.graph.nodes).toHaveLength(3);
    expect(detail.residency.byCountry).toEqual({ US: 6 });
    expect(detail.extraction).toEqual({ 'cot-elicitation': 6 });
    expect((await h.call('/v1/campaigns/none', { role: 'analyst' })).status).toBe(404);
    const account = await (await h.call('/v1/accounts/acct-a1', { role: 'analyst' })).json();
    expect(account).toMatchObject({
      account: 'acct-a1',
      campaign: 'c-pay-1',
      verdict: { campaign: 'c-pay-1' },
      override: null,
    });
    expect((await h.call('/v1/accounts/nobody', { role: 'analyst' })).status).toBe(404);
    const stats = await (await h.call('/v1/stats', { role: 'analyst' })).json();
    expect(stats).toMatchObject({ exchanges: 12, accounts: 6, campaigns: { suspected: 2, confirmed: 0 } });
    expect(stats.lastTick).toMatch(/^2026-03-02T/);
  });

  it('maps verdicts to risk decisions, applies reviews and overrides, and feeds the guardrail and block list', async () => {
    harness = await startHarness();
    const h = harness;
    await seed(h);
    const risk = async (account: string) =>
      (await h.call(`/v1/accounts/${account}/risk`, { role: 'ingest' })).json();
    expect(await risk('acct-a1')).toMatchObject({ decision: 'challenge', campaign: 'c-pay-1' });
    expect((await risk('acct-b1')).decision).toBe('review');
    expect(await risk('acct-solo')).toMatchObject({ decision: 'allow', campaign: null });
    expect(await risk('never-seen')).toMatchObject({
      decision: 'allow',
      reasons: ['no suspicious activity seen'],
    });

    const guard = async (user: string) =>
      (
        await h.call('/beta/litellm_basic_guardrail_api', {
          method: 'POST',
          role: 'ingest',
          body: JSON.stringify({
            texts: ['hello'],
            request_data: { user_api_key_user_id: user },
            input_type: 'request',
            litellm_call_id: 'c1',
            additional_provider_specific_params: {},
          }),
        })
      ).json();
    expect(await guard('acct-a1')).toEqual({ action: 'NONE' });

    const review = await h.call('/v1/campaigns/c-pay-1/review', {
      method: 'POST',
      role: 'analyst',
      body: JSON.stringify({ action: 'confirm', note: 'same card, same prompts' }),
    });
    expect(review.status).toBe(200);
    const reviewed = (await review.json()).campaign;
    expect(reviewed.status).toBe('confirmed');
    expect(reviewed.history.at(-1)).toMatchObject({
      status: 'confirmed',
      note: 'same card, same prompts',
      actor: expect.stringMatching(/^token:.*ana/),
    });
    expect(await risk('acct-a1')).toMatchObject({ decision: 'block' });
    const blocked = await guard('acct-a1');
    expect(blocked.action).toBe('BLOCKED');
    expect(blocked.blocked_reason).toMatch(/c-pay-1/);

    await h.call('/v1/campaigns/c-pay-2/review', {
      method: 'POST',
      role: 'analyst',
      body: JSON.stringify({ action: 'dismiss', note: 'benchmark runner' }),
    });
    expect((await risk('acct-b1')).decision).toBe('allow');
    expect(
      (
        await h.call('/v1/campaigns/c-pay-2/review', {
          method: 'POST',
          role: 'analyst',
          body: JSON.stringify({ action: 'maybe' }),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await h.call('/v1/campaigns/c-pay-2/review', {
          method: 'POST',
          role: 'analyst',
          body: JSON.stringify({ action: 'dismiss', extra: 1 }),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await h.call('/v1/campaigns/none/review', {
          method: 'POST',
          role: 'analyst',
          body: JSON.stringify({ action: 'dismiss' }),
        })
      ).status,
    ).toBe(404);

    // After another tick, the reviewed statuses stand.
    await h.call('/v1/exchanges', {
      method: 'POST',
      role: 'ingest',
      body: ndjson([exchange('late-1', 'acct-b1', T0 + 3 * HOUR)]),
    });
    await h.call('/v1/admin/flush', { method: 'POST' });
    expect((await (await h.call('/v1/campaigns/c-pay-2', { role: 'analyst' })).json()).campaign.status).toBe(
      'dismissed',
    );

    const override = await h.call('/v1/accounts/acct-solo/override', {
      method: 'POST',
      role: 'analyst',
      body: JSON.stringify({ decision: 'block', note: 'chargeback fraud' }),
    });
    expect((await override.json()).risk).toMatchObject({
      decision: 'block',
      reasons: [expect.stringMatching(/override.*chargeback fraud/)],
    });
    await h.call('/v1/accounts/acct-a2/override', {
      method: 'POST',
      role: 'analyst',
      body: JSON.stringify({ decision: 'allow', note: 'verified researcher' }),
    });
    expect((await risk('acct-a2')).decision).toBe('allow');

    const text = await (await h.call('/v1/blocklist', { role: 'ingest' })).text();
    expect(text).toBe('acct-a1\nacct-a3\nacct-solo\n');
    const asJson = await (await h.call('/v1/blocklist?format=json', { role: 'ingest' })).json();
    expect(asJson.accounts.map((a: { account: string }) => a.account)).toEqual([
      'acct-a1',
      'acct-a3',
      'acct-solo',
    ]);
    expect(asJson.accounts[0].reasons[0]).toMatch(/confirmed campaign c-pay-1/);

    expect(
      (await h.call('/v1/accounts/acct-a2/override', { method: 'DELETE', role: 'analyst' })).status,
    ).toBe(200);
    expect((await risk('acct-a2')).decision).toBe('block');
    const audit = await (await h.call('/v1/audit')).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual([
      'override.clear',
      'override.set',
      'override.set',
      'campaign.dismiss',
      'campaign.confirm',
    ]);
  });
});

describe('webhooks', () => {
  it('signs deliveries with HMAC-SHA256 and retries failed ones with backoff', async () => {
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    let failuresLeft = 1;
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = failuresLeft-- > 0 ? 500 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    let clock = Date.now();
    harness = await startHarness({
      now: () => clock,
      service: {
        tickIntervalMs: 0,
        webhookIntervalMs: 20,
        webhookRetry: { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 5, timeoutMs: 2000 },
      },
    });
    const h = harness;
    const created = await h.call('/v1/webhooks', {
      method: 'POST',
      body: JSON.stringify({ url: hookUrl, events: ['campaign.new', 'campaign.confirmed'] }),
    });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()).webhook;
    await seed(h);
    const waitFor = async (count: number) => {
      for (let i = 0; i < 1000 && received.length < count; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      return received.length;
    };
    expect(await waitFor(2)).toBe(2);
    const firstTwo = received.map((r) => JSON.parse(r.body).data.campaign.id).sort();
    expect(firstTwo).toEqual(['c-pay-1', 'c-pay-2']);
    // One of them failed (HTTP 500): it is retried only once the backoff has passed.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(2);
    clock += 1500;
    expect(await waitFor(3)).toBe(3);
    for (const { headers, body } of received) {
      const expected = `sha256=${createHmac('sha256', secret).update(`${headers['x-distillwatch-timestamp']}.${body}`).digest('hex')}`;
      expect(headers['x-distillwatch-signature']).toBe(expected);
      expect(headers['x-distillwatch-event']).toBe('campaign.new');
    }
    expect(received[2].body).toBe(received[0].body);
    await h.call('/v1/campaigns/c-pay-1/review', {
      method: 'POST',
      role: 'analyst',
      body: JSON.stringify({ action: 'confirm' }),
    });
    expect(await waitFor(4)).toBe(4);
    expect(received[3].headers['x-distillwatch-event']).toBe('campaign.confirmed');
    const deliveries = (
      (await (await h.call('/v1/webhooks/deliveries')).json()) as {
        deliveries: { state: string; attempts: number }[];
      }
    ).deliveries;
    expect(deliveries.map((d: { state: string }) => d.state)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
    expect(deliveries.some((d: { attempts: number }) => d.attempts === 2)).toBe(true);
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });
});

describe('campaign history', () => {
  it('records escalation and queues campaign.escalated for subscribers', async () => {
    harness = await startHarness();
    const h = harness;
    await h.call('/v1/webhooks', {
      method: 'POST',
      body: JSON.stringify({ url: 'http://127.0.0.1:9/unreachable', events: ['campaign.escalated'] }),
    });
    await seed(h);
    const more = [signup('acct-a4', 'pay-1'), signup('acct-a5', 'pay-1')];
    await h.call('/v1/accounts', { method: 'POST', role: 'ingest', body: ndjson(more) });
    await h.call('/v1/exchanges', {
      method: 'POST',
      role: 'ingest',
      body: ndjson([exchange('e-a4', 'acct-a4', T0 + 3 * HOUR), exchange('e-a5', 'acct-a5', T0 + 3 * HOUR)]),
    });
    await h.call('/v1/admin/flush', { method: 'POST' });
    const history = (await (await h.call('/v1/campaigns/c-pay-1', { role: 'analyst' })).json()).campaign
      .history;
    expect(history.map((entry: { note: string }) => entry.note)).toEqual([
      'detected with 3 accounts',
      'escalated: score 0.70 -> 0.90, accounts 3 -> 5',
    ]);
    const deliveries = (await (await h.call('/v1/webhooks/deliveries')).json()).deliveries;
    expect(deliveries.map((d: { event: string; state: string }) => [d.event, d.state])).toEqual([
      ['campaign.escalated', 'pending'],
    ]);
  });
});

describe('member summaries', () => {
  it('are stored at a flush tick, and at event-time ticks at most every 10 s of wall time (the last tick too)', async () => {
    let clock = Date.now();
    harness = await startHarness({ now: () => clock });
    const h = harness;
    const store = h.server.service.store;
    const post = (path: string, records: unknown[]) =>
      h.call(path, { method: 'POST', role: 'ingest', body: ndjson(records) });
    const exchangesOf = async (account: string) => (await store.getSummary(account))?.exchanges ?? null;
    await post('/v1/accounts', [
      signup('acct-a1', 'pay-1'),
      signup('acct-a2', 'pay-1'),
      signup('acct-a3', 'pay-1'),
    ]);
    await post('/v1/exchanges', [exchange('s1', 'acct-a1'), exchange('s2', 'acct-a2')]);
    await post('/v1/exchanges', [exchange('s3', 'acct-a1', T0 + 2 * HOUR)]);
    await h.call('/v1/admin/flush', { method: 'POST' });
    expect([await exchangesOf('acct-a1'), await exchangesOf('acct-a2')]).toEqual([2, 1]);
    const flushTick = await store.getMeta('lastTick');
    expect(flushTick).not.toBe(null);
    // A member joins at event-time ticks (hours 3 and 5) within 10 s of the flush: not stored yet.
    const ticks = h.detection.ticks.length;
    await post('/v1/exchanges', [
      exchange('s4', 'acct-a3', T0 + 3 * HOUR),
      exchange('s5', 'acct-a3', T0 + 5 * HOUR),
    ]);
    await h.server.service.settled();
    expect(h.detection.ticks.length).toBeGreaterThan(ticks);
    expect(h.server.service.listCampaigns({ limit: 5, offset: 0 }).campaigns[0].accounts).toContain(
      'acct-a3',
    );
    expect(await exchangesOf('acct-a3')).toBe(null);
    expect(await store.getMeta('lastTick')).toBe(flushTick);
    // 11 s later, the next event-time tick stores every member that changed since.
    clock += 11_000;
    await post('/v1/exchanges', [
      exchange('s6', 'acct-a2', T0 + 6 * HOUR),
      exchange('s7', 'acct-a2', T0 + 8 * HOUR),
    ]);
    await h.server.service.settled();
    expect([await exchangesOf('acct-a3'), await exchangesOf('acct-a2')]).toEqual([2, 2]);
    // The first event-time tick after those 11 s stored its time (later ticks within 10 s did not).
    expect(String(await store.getMeta('lastTick')) > String(flushTick)).toBe(true);
  });
});

describe('restart', () => {
  it('keeps reviews, overrides, history, webhooks and records across a restart of the embedded store', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { openDuckDbStore } = await import('../store/duckdb.js');
    const { storePath } = await import('./serve.js');
    const dataDir = mkdtempSync(join(tmpdir(), 'dw-restart-'));
    try {
      harness = await startHarness({ dataDir, store: await openDuckDbStore(storePath(dataDir)) });
      let h = harness;
      await h.call('/v1/webhooks', { method: 'POST', body: JSON.stringify({ url: 'http://127.0.0.1:9/x' }) });
      await seed(h);
      await h.call('/v1/campaigns/c-pay-1/review', {
        method: 'POST',
        role: 'analyst',
        body: JSON.stringify({ action: 'confirm', note: 'checked' }),
      });
      await h.call('/v1/accounts/acct-solo/override', {
        method: 'POST',
        role: 'analyst',
        body: JSON.stringify({ decision: 'block' }),
      });
      await h.close();

      harness = await startHarness({ dataDir, store: await openDuckDbStore(storePath(dataDir)) });
      h = harness;
      expect(h.detection.exchanges).toHaveLength(12);
      const detail = await (await h.call('/v1/campaigns/c-pay-1', { role: 'analyst' })).json();
      expect(detail.campaign.status).toBe('confirmed');
      expect(detail.campaign.history.map((e: { status: string }) => e.status)).toEqual([
        'suspected',
        'confirmed',
      ]);
      expect((await (await h.call('/v1/accounts/acct-a1/risk', { role: 'ingest' })).json()).decision).toBe(
        'block',
      );
      expect((await (await h.call('/v1/accounts/acct-solo/risk', { role: 'ingest' })).json()).decision).toBe(
        'block',
      );
      expect((await (await h.call('/v1/webhooks')).json()).webhooks).toHaveLength(1);
      expect((await (await h.call('/v1/stats', { role: 'analyst' })).json()).exchanges).toBe(12);
      const retry = await (
        await h.call('/v1/exchanges', {
          method: 'POST',
          role: 'ingest',
          body: ndjson([exchange('x-a1-0', 'acct-a1', T0)]),
        })
      ).json();
      expect(retry).toMatchObject({ stored: 0, duplicates: 1 });
    } finally {
      await harness?.close();
      harness = null;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('OpenAPI document and dashboard', () => {
  it('documents every route the app serves', async () => {
    harness = await startHarness();
    const doc = await (await harness.call('/openapi.json', { role: 'ingest' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('./http.ts', import.meta.url), 'utf8');
    const routes = [...source.matchAll(/app\.(get|post|delete)\('(\/[^']*)'/g)].map(([, method, path]) => [
      method,
      path.replace(/:(\w+)/g, '{$1}'),
    ]);
    expect(routes.length).toBeGreaterThan(20);
    for (const [method, path] of routes)
      expect(
        openApiDocument().paths as Record<string, Record<string, unknown>>,
        `${method} ${path}`,
      ).toHaveProperty([path, method]);
  });

  it('serves the built dashboard with an SPA fallback, and never files outside it', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dist = mkdtempSync(join(tmpdir(), 'dw-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    harness = await startHarness({ webDist: dist });
    const index = await fetch(`${harness.url}/`);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await (await fetch(`${harness.url}/campaigns/c-1`)).text()).toMatch(/root/);
    expect((await fetch(`${harness.url}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${harness.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${harness.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
});
