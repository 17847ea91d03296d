/**
 * The shared contract suite of `Store`: every adapter runs it (`storeContract('duckdb', open)`).
 * It pins the semantics the service relies on: idempotent appends, ingest-order replay,
 * retention, and round-trips of every kind of record.
 */
import { describe, expect, it } from 'vitest';
import type { AccountEvent, AccountSummary, CampaignResult, Exchange } from '../../core/types.js';
import { linesOf, type Store } from '../types.js';

/** A store factory for the suite; `reopen` (persistent adapters) opens the same data again after close. */
export interface ContractTarget {
  open(): Promise<Store>;
  reopen?: (previous: Store) => Promise<Store>;
}

const exchange = (id: string, ts: number, account = 'acct-1', extra: Partial<Exchange> = {}): Exchange => ({
  id,
  ts,
  account,
  prompt: `prompt ${id}`,
  ...extra,
});

const event = (
  account: string,
  ts: number,
  kind = 'signup',
  extra: Partial<AccountEvent> = {},
): AccountEvent => ({
  account,
  ts,
  kind,
  ...extra,
});

const campaign = (id: string, score: number): CampaignResult => ({
  id,
  status: 'suspected',
  score,
  accounts: ['a', 'b'],
  exchanges: 10,
  callsPerAccount: 5,
  firstSeen: '2026-01-01T00:00:00.000Z',
  lastSeen: '2026-01-02T00:00:00.000Z',
  detectedAt: '2026-01-02T00:00:00.000Z',
  capabilities: { coding: 0.5 },
  evidence: [{ kind: 'shared-payment', weight: 1, summary: 'Two accounts share one card.' }],
  attribution: null,
});

/** Registers the contract tests for one adapter. */
export function storeContract(name: string, target: ContractTarget): void {
  describe(`Store contract: ${name}`, () => {
    it('stores exchanges once by id and says which were new', async () => {
      const store = await target.open();
      const first = await store.appendExchanges([exchange('e1', 1), exchange('e2', 2)]);
      expect(first.fresh.map((x) => x.id)).toEqual(['e1', 'e2']);
      expect(first.seq).toBe(2);
      const retried = await store.appendExchanges([exchange('e2', 2), exchange('e3', 3), exchange('e3', 3)]);
      expect(retried.fresh.map((x) => x.id)).toEqual(['e3']);
      expect(retried.seq).toBe(3);
      expect((await store.appendExchanges([exchange('e1', 1)])).fresh).toEqual([]);
      expect((await store.counts()).exchanges).toBe(3);
      await store.close();
    });

    it('keeps concurrent appends apart and idempotent', async () => {
      const store = await target.open();
      const batches = Array.from({ length: 8 }, (_, b) =>
        Array.from({ length: 50 }, (_, i) => exchange(`c${(b * 50 + i) % 300}`, b * 50 + i)),
      );
      const results = await Promise.all(batches.map((batch) => store.appendExchanges(batch)));
      const fresh = results.flatMap((result) => result.fresh).map((x) => x.id);
      expect(new Set(fresh).size).toBe(fresh.length);
      expect(fresh.length).toBe(300);
      expect((await store.counts()).exchanges).toBe(300);
      await store.close();
    });

    it('replays exchanges in ingest order with every field intact', async () => {
      const store = await target.open();
      const rich = exchange('r1', 5, 'acct-2', {
        model: 'm',
        sdk: { 'x-stainless-lang': 'python' },
        tools: [{ name: 't' }],
        logprobs: 5,
        temperature: 0,
      });
      await store.appendExchanges([exchange('z', 9), rich]);
      await store.appendExchanges([exchange('a', 1)]);
      const seen: Exchange[] = [];
      const seqs: number[] = [];
      const count = await store.replay(
        'exchanges',
        (batch, seq) => {
          seen.push(...batch);
          seqs.push(seq);
        },
        { batchSize: 2 },
      );
      expect(count).toBe(3);
      expect(seen.map((x) => x.id)).toEqual(['z', 'r1', 'a']);
      expect(seen[1]).toEqual(rich);
      expect(seqs).toEqual([2, 3]);
      const tail: string[] = [];
      expect(
        await store.replay('exchanges', (batch) => void tail.push(...batch.map((x) => x.id)), { after: 1 }),
      ).toBe(2);
      expect(tail).toEqual(['r1', 'a']);
      await store.close();
    });

    it('stores exchanges given as columns with their received text, once by id', async () => {
      const store = await target.open();
      const records = [exchange('j1', 1000, 'a', { model: 'm' }), exchange('j2', 2000, 'b')];
      const texts = [
        '{"id":"j1","ts":"1970-01-01T00:00:01Z","account":"a","prompt":"prompt j1","model":"m","extra":1}',
        '{"id":"j2","ts":2000,"account":"b","prompt":"prompt j2"}',
        '{"id":"j3","ts":3000,"account":"acct-1","prompt":"prompt j3"}',
      ];
      const columns = (rows: number[]) => ({
        ids: rows.map((i) => `j${i + 1}`),
        ts: rows.map((i) => (i + 1) * 1000),
        accounts: rows.map((i) => ['a', 'b', 'acct-1'][i]),
        ...linesOf(rows.map((i) => texts[i])),
      });
      expect(await store.appendExchangeColumns(columns([0, 1]))).toEqual({ fresh: [0, 1], seq: 2 });
      expect(await store.appendExchangeColumns(columns([1, 2, 2]))).toEqual({ fresh: [1], seq: 3 });
      expect((await store.appendExchanges([records[0]])).fresh).toEqual([]);
      const seen: Exchange[] = [];
      await store.replay('exchanges', (batch) => void seen.push(...batch));
      expect(seen).toEqual([...records, exchange('j3', 3000)]);
      await store.close();
    });

    it('stores identical account events once and replays them in order', async () => {
      const store = await target.open();
      const signup = event('acct-1', 1, 'signup', { declaredCountry: 'US', emailDomain: 'x.org' });
      expect((await store.appendAccountEvents([signup, event('acct-2', 2)])).fresh).toHaveLength(2);
      const again = await store.appendAccountEvents([
        { emailDomain: 'x.org', declaredCountry: 'US', kind: 'signup', ts: 1, account: 'acct-1' },
        event('acct-1', 3, 'ban'),
      ]);
      expect(again.fresh.map((e) => e.kind)).toEqual(['ban']);
      expect(again.seq).toBeGreaterThanOrEqual(3);
      const seen: AccountEvent[] = [];
      await store.replay('accountEvents', (batch) => void seen.push(...batch));
      expect(seen.map((e) => `${e.account}:${e.kind}`)).toEqual([
        'acct-1:signup',
        'acct-2:signup',
        'acct-1:ban',
      ]);
      expect(seen[0]).toEqual(signup);
      expect((await store.counts()).accountEvents).toBe(3);
      await store.close();
    });

    it('prunes exchanges older than the retention horizon', async () => {
      const store = await target.open();
      await store.appendExchanges([exchange('old', 10), exchange('new', 100)]);
      expect(await store.pruneExchanges(50)).toBe(1);
      const seen: string[] = [];
      await store.replay('exchanges', (batch) => void seen.push(...batch.map((x) => x.id)));
      expect(seen).toEqual(['new']);
      await store.close();
    });

    it('counts stored activity per time bucket for a set of accounts', async () => {
      const store = await target.open();
      const hour = 3_600_000;
      await store.appendExchanges([
        exchange('h1', 5 * hour + 10, 'a'),
        exchange('h2', 5 * hour + 20, 'b'),
        exchange('h3', 7 * hour, 'a'),
        exchange('h4', 7 * hour, 'other'),
      ]);
      expect(await store.activity(['a', 'b'], hour)).toEqual([
        { ts: 5 * hour, count: 2 },
        { ts: 7 * hour, count: 1 },
      ]);
      expect(await store.activity([], hour)).toEqual([]);
      await store.close();
    });

    it('round-trips summaries and snapshots', async () => {
      const store = await target.open();
      const summary = {
        account: 'acct-1',
        exchanges: 3,
        hourly: new Array(24).fill(0),
      } as unknown as AccountSummary;
      await store.putSummaries([summary]);
      await store.putSummaries([{ ...summary, exchanges: 4 }]);
      expect((await store.getSummary('acct-1'))?.exchanges).toBe(4);
      expect(await store.getSummary('nobody')).toBeNull();
      await store.putSnapshot('lsh', new Uint8Array([1, 2, 3]));
      await store.putSnapshot('lsh', new Uint8Array([4, 5]));
      expect([...((await store.getSnapshot('lsh')) ?? [])]).toEqual([4, 5]);
      expect(await store.getSnapshot('none')).toBeNull();
      await store.close();
    });

    it('keeps campaigns with their history', async () => {
      const store = await target.open();
      await store.putCampaign(campaign('c2', 0.5), { ts: 't1', status: 'suspected', score: 0.5 });
      await store.putCampaign(campaign('c1', 0.7));
      await store.putCampaign(
        { ...campaign('c2', 0.9), status: 'confirmed' },
        { ts: 't2', status: 'confirmed', score: 0.9, note: 'ok', actor: 'ana' },
      );
      const c2 = await store.getCampaign('c2');
      expect(c2?.campaign.status).toBe('confirmed');
      expect(c2?.history.map((h) => h.status)).toEqual(['suspected', 'confirmed']);
      expect(c2?.history[1]).toEqual({ ts: 't2', status: 'confirmed', score: 0.9, note: 'ok', actor: 'ana' });
      expect((await store.listCampaigns()).map((c) => [c.campaign.id, c.history.length])).toEqual([
        ['c1', 0],
        ['c2', 2],
      ]);
      expect(await store.getCampaign('nope')).toBeNull();
      await store.close();
    });

    it('keeps reviews, overrides, webhooks, deliveries, audit and meta', async () => {
      const store = await target.open();
      await store.addReview({
        campaign: 'c1',
        action: 'dismiss',
        note: 'benchmark',
        actor: 'ana',
        ts: 1,
        accounts: ['a'],
      });
      expect((await store.listReviews())[0].note).toBe('benchmark');

      await store.setOverride({ account: 'a', decision: 'block', note: null, actor: 'ana', ts: 1 });
      await store.setOverride({ account: 'a', decision: 'allow', note: 'vip', actor: 'ana', ts: 2 });
      expect((await store.listOverrides()).map((o) => o.decision)).toEqual(['allow']);
      expect(await store.clearOverride('a')).toBe(true);
      expect(await store.clearOverride('a')).toBe(false);

      await store.addWebhook({
        id: 'w1',
        url: 'http://127.0.0.1:1/x',
        secret: 's',
        events: ['campaign.new'],
        createdAt: 1,
      });
      expect((await store.listWebhooks())[0].events).toEqual(['campaign.new']);
      const delivery = {
        id: 'd1',
        webhook: 'w1',
        event: 'campaign.new' as const,
        body: '{}',
        attempts: 0,
        nextAttemptAt: 10,
        state: 'pending' as const,
        lastError: null,
      };
      await store.putDelivery(delivery);
      expect(await store.dueDeliveries(5)).toEqual([]);
      expect((await store.dueDeliveries(10)).map((d) => d.id)).toEqual(['d1']);
      await store.putDelivery({ ...delivery, state: 'delivered', attempts: 1 });
      expect(await store.dueDeliveries(100)).toEqual([]);
      expect((await store.listDeliveries())[0].attempts).toBe(1);
      expect(await store.removeWebhook('w1')).toBe(true);

      await store.audit({
        ts: 1,
        actor: 'ana',
        action: 'review',
        subject: 'c1',
        details: { action: 'dismiss' },
      });
      await store.audit({ ts: 2, actor: 'bob', action: 'override', subject: 'a', details: {} });
      expect((await store.listAudit()).map((a) => a.actor)).toEqual(['bob', 'ana']);

      expect(await store.getMeta('k')).toBeNull();
      await store.setMeta('k', 'v1');
      await store.setMeta('k', 'v2');
      expect(await store.getMeta('k')).toBe('v2');
      await store.close();
    });

    it('refuses calls after close', async () => {
      const store = await target.open();
      await store.close();
      await expect(store.appendExchanges([exchange('x', 1)])).rejects.toThrow();
    });

    if (target.reopen) {
      const reopen = target.reopen;
      it('keeps everything across close and reopen, and stays idempotent', async () => {
        const store = await target.open();
        await store.appendExchanges([exchange('p1', 1), exchange('p2', 2)]);
        await store.appendAccountEvents([event('acct-1', 1)]);
        await store.putCampaign(campaign('c1', 0.5), { ts: 't', status: 'suspected', score: 0.5 });
        await store.audit({ ts: 1, actor: 'a', action: 'x', subject: 's', details: {} });
        const again = await reopen(store);
        expect(await again.counts()).toEqual({ exchanges: 2, accountEvents: 1 });
        expect((await again.appendExchanges([exchange('p2', 2), exchange('p3', 3)])).fresh).toHaveLength(1);
        expect((await again.appendAccountEvents([event('acct-1', 1)])).fresh).toHaveLength(0);
        const order: string[] = [];
        await again.replay('exchanges', (batch) => void order.push(...batch.map((x) => x.id)));
        expect(order).toEqual(['p1', 'p2', 'p3']);
        await again.putCampaign(campaign('c1', 0.6), { ts: 't2', status: 'suspected', score: 0.6 });
        expect((await again.getCampaign('c1'))?.history).toHaveLength(2);
        await again.audit({ ts: 2, actor: 'b', action: 'x', subject: 's', details: {} });
        expect((await again.listAudit()).map((a) => a.actor)).toEqual(['b', 'a']);
        await again.close();
      });
    }
  });
}
