import { describe, expect, it } from 'vitest';
import { residencyInputOf } from '../core/summary.js';
import type { AccountEvent, Exchange, Fingerprint, NetInfo } from '../core/types.js';
import { addTopK, createTopK, topKCounts } from './sketch.js';
import {
  applyAccountEvent,
  applyExchange,
  createAccountState,
  type ExchangeDerived,
  gapVariation,
  summarise,
} from './state.js';

const T0 = Date.parse('2026-04-22T00:00:00Z');

function fp(template: string, extra: Partial<Fingerprint> = {}): Fingerprint {
  return {
    template,
    templateText: `text of ${template}`,
    bands: [`b0-${template}`, `b1-${template}`],
    capabilities: ['coding'],
    extraction: [],
    language: 'en',
    shape: { turns: 1, tools: 0, contextBucket: 's', chars: 100, hasSystem: false },
    ...extra,
  };
}

const net: NetInfo = {
  country: 'US',
  asn: 16509,
  asOrg: 'AMAZON-02',
  class: 'hosting',
  prefix: '3.5.1.0/24',
};

function derived(fingerprint: Fingerprint | null, n: NetInfo | null = net): ExchangeDerived {
  return { fingerprint, net: n, client: { kind: 'sdk' } };
}

function exchange(i: number, extra: Partial<Exchange> = {}): Exchange {
  return { id: `x${i}`, ts: T0 + i * 60_000, account: 'a1', model: 'm-large', ip: '3.5.1.7', ...extra };
}

describe('space-saving top-K', () => {
  it('keeps heavy hitters exactly whatever the tail', () => {
    const top = createTopK(8);
    for (let i = 0; i < 10_000; i++) {
      addTopK(top, 'heavy');
      if (i % 2 === 0) addTopK(top, 'half');
      addTopK(top, `tail-${i}`);
    }
    const counts = topKCounts(top);
    expect(counts.heavy).toBe(10_000);
    expect(counts.half).toBe(5_000);
    expect(Object.keys(counts).length).toBeLessThanOrEqual(8);
    // Tail values are reported by their guaranteed count, never inflated by the churn.
    for (const [key, count] of Object.entries(counts)) if (key.startsWith('tail-')) expect(count).toBe(1);
    expect(Object.keys(counts)[0]).toBe('heavy');
  });
});

describe('account state', () => {
  it('counts volume, tokens, errors, sampling, models and identity', () => {
    const s = createAccountState('a1');
    applyAccountEvent(
      s,
      {
        ts: T0 - 3_600_000,
        account: 'a1',
        kind: 'signup',
        emailDomain: 'Mail.EXAMPLE',
        declaredCountry: 'us',
        signupIp: '3.5.1.9',
      },
      { signupNet: net },
    );
    applyAccountEvent(
      s,
      { ts: T0 + 1, account: 'a1', kind: 'payment', paymentFingerprint: 'pf1', cardCountry: 'sg' },
      { signupNet: null },
    );
    applyExchange(
      s,
      exchange(0, { inputTokens: 10, outputTokens: 20, temperature: 0, seed: 1, n: 4, logprobs: 5 }),
      derived(fp('t1')),
    );
    applyExchange(s, exchange(1, { status: 429, temperature: 0.7, seed: 2 }), derived(fp('t1')));
    applyExchange(s, exchange(2, { status: 500, model: 'm-small', logprobs: false }), derived(fp('t2')));
    const sum = summarise(s);
    expect(sum.exchanges).toBe(3);
    expect(sum.inputTokens).toBe(10);
    expect(sum.outputTokens).toBe(20);
    expect(sum.rateLimited).toBe(1);
    expect(sum.errors).toBe(2);
    expect(sum.sampling).toEqual({
      multiN: 1,
      logprobs: 1,
      temperatureZero: 1,
      seeded: 2,
      temperatures: [0, 0.7],
      seeds: 2,
    });
    expect(sum.models).toEqual({ 'm-large': 2, 'm-small': 1 });
    expect(sum.modelFirstUse['m-small']).toBe(T0 + 120_000);
    expect(sum.templates).toEqual({ t1: 2, t2: 1 });
    expect(sum.identity.emailDomain).toBe('mail.example');
    expect(sum.identity.declaredCountry).toBe('US');
    expect(sum.identity.cardCountry).toBe('SG');
    expect(sum.identity.signupTs).toBe(T0 - 3_600_000);
    expect(sum.identity.signupNet?.asn).toBe(16509);
    expect(sum.identity.paymentFingerprint).toBe('pf1');
    expect(sum.netClasses).toEqual({ hosting: 3 });
    expect(sum.clients).toEqual({ sdk: 3 });
    expect(sum.hourly[0]).toBe(3);
    expect(sum.daily).toEqual({ '2026-04-22': 3 });
    expect(sum.firstSeen).toBe(T0);
    expect(sum.lastSeen).toBe(T0 + 120_000);
    expect(residencyInputOf(sum).signupCountry).toBe('US');
  });

  it('measures inter-arrival regularity with Welford and ignores late records', () => {
    const regular = createAccountState('r');
    const jittery = createAccountState('j');
    let t = T0;
    for (let i = 0; i < 200; i++) {
      applyExchange(regular, exchange(i, { ts: T0 + i * 30_000 }), derived(null));
      t += (i % 2 === 0 ? 1_000 : 120_000) * (1 + (i % 7));
      applyExchange(jittery, exchange(i, { ts: t }), derived(null));
    }
    applyExchange(regular, exchange(999, { ts: T0 + 5_000 }), derived(null)); // late: no gap, lastSeen kept
    const r = summarise(regular);
    expect(r.gaps.count).toBe(199);
    expect(r.gaps.mean).toBeCloseTo(30, 6);
    expect(gapVariation(r)).toBeCloseTo(0, 6);
    expect(r.lastSeen).toBe(T0 + 199 * 30_000);
    expect(gapVariation(summarise(jittery))).toBeGreaterThan(0.5);
  });

  it('counts each extraction tag once per exchange and keeps a few distinct examples', () => {
    const s = createAccountState('a1');
    for (let i = 0; i < 50; i++) {
      const extraction = [
        { tag: 'cot-elicitation' as const, span: `think step by step ${i % 5}` },
        { tag: 'cot-elicitation' as const, span: 'show your reasoning' },
      ];
      applyExchange(s, exchange(i), derived(fp('t', { extraction })));
    }
    const sum = summarise(s);
    expect(sum.extraction).toEqual({ 'cot-elicitation': 50 });
    expect(sum.extractionExamples['cot-elicitation']).toEqual([
      'think step by step 0',
      'think step by step 1',
      'think step by step 2',
    ]);
  });

  it('stays a few KB however much traffic an account sends', () => {
    const s = createAccountState('big');
    const sizes: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      const ts = T0 + i * 20_000; // ~46 days
      const f = fp(`tpl-${i % 5000}`, {
        bands: Array.from({ length: 14 }, (_, b) => `${b}:${(i * 31 + b) % 100_000}`),
        extraction: [{ tag: 'rubric-grading', span: `grade answer ${i}` }],
        capabilities: ['coding', 'reasoning'],
        language: i % 3 === 0 ? 'zh' : 'en',
      });
      const n: NetInfo = {
        country: `C${i % 40}`,
        asn: i % 997,
        asOrg: null,
        class: 'isp',
        prefix: `10.${i % 250}.${i % 7}.0/24`,
      };
      applyExchange(
        s,
        exchange(i, {
          ts,
          ip: `10.${i % 250}.${i % 7}.${i % 200}`,
          model: `m-${i % 50}`,
          userAgent: `ua-${i % 300}`,
          apiKey: `k-${i % 90}`,
          seed: i,
          temperature: (i % 100) / 10,
          sdk: { 'x-stainless-lang': 'python', 'x-stainless-package-version': `1.${i % 40}` },
        }),
        { fingerprint: f, net: n, client: { kind: 'sdk' } },
      );
      if (i === 1_000 || i === 199_999) sizes.push(JSON.stringify(summarise(s)).length);
    }
    const sum = summarise(s);
    expect(sum.exchanges).toBe(200_000);
    expect(Object.keys(sum.daily).length).toBeLessThanOrEqual(64);
    expect(Object.keys(sum.bands).length).toBeLessThanOrEqual(32);
    expect(Object.keys(sum.ips).length).toBeLessThanOrEqual(16);
    expect(sum.apiKeys).toBeGreaterThan(80);
    expect(sum.apiKeys).toBeLessThan(100);
    // Summary size is bounded and independent of volume (1k vs 200k exchanges).
    expect(sizes[1]).toBeLessThan(8_000);
    expect(sizes[1]).toBeLessThan(sizes[0] * 1.5);
  });

  it('applies late account events without moving sign-up time forward', () => {
    const s = createAccountState('a1');
    const signup: AccountEvent = { ts: T0, account: 'a1', kind: 'signup', route: 'self-serve' };
    applyAccountEvent(s, { ...signup, ts: T0 + 10 }, { signupNet: null });
    applyAccountEvent(s, signup, { signupNet: null });
    applyAccountEvent(s, { ts: T0 + 99, account: 'a1', kind: 'ban' }, { signupNet: null });
    applyAccountEvent(s, { ts: T0 + 50, account: 'a1', kind: 'something-new' }, { signupNet: null });
    const sum = summarise(s);
    expect(sum.identity.signupTs).toBe(T0);
    expect(sum.identity.bannedAt).toBe(T0 + 99);
    expect(sum.identity.route).toBe('self-serve');
  });

  it('tells countries of direct addresses from countries of proxy exits, for residency', () => {
    const s = createAccountState('a1');
    const home: NetInfo = {
      country: 'CN',
      asn: 4134,
      asOrg: 'CHINANET',
      class: 'isp',
      prefix: '58.32.0.0/24',
    };
    applyExchange(s, exchange(1), derived(null));
    applyExchange(s, exchange(2), derived(null));
    applyExchange(s, exchange(3, { ip: '58.32.0.9' }), derived(null, home));
    const sum = summarise(s);
    expect(sum.ipCountries).toEqual({ US: 2, CN: 1 });
    expect(sum.directIpCountries).toEqual({ CN: 1 });
    expect(residencyInputOf(sum).directIpCountries).toEqual({ CN: 1 });
  });
});
