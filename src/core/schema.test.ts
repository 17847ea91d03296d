import { describe, expect, it } from 'vitest';
import { decodeAccountEvent, decodeExchange, parseRfc3339 } from './schema.js';

const at = { file: 'x.ndjson', line: 7 };
const minimal = { id: 'e1', ts: '2026-04-22T08:15:02.123Z', account: 'a1' };

describe('decodeExchange', () => {
  it('accepts a minimal record and turns RFC 3339 into epoch ms', () => {
    const decoded = decodeExchange(minimal, at);
    expect(decoded).toEqual({ ok: true, value: { ...minimal, ts: Date.UTC(2026, 3, 22, 8, 15, 2, 123) } });
  });

  it('accepts epoch milliseconds and offsets', () => {
    expect(decodeExchange({ ...minimal, ts: 1_776_845_702_123 }, at).ok).toBe(true);
    const withOffset = decodeExchange({ ...minimal, ts: '2026-04-22T16:15:02+08:00' }, at);
    expect(withOffset.ok && withOffset.value.ts).toBe(Date.UTC(2026, 3, 22, 8, 15, 2));
  });

  it('accepts every optional field of DESIGN.md section 4', () => {
    const full = {
      ...minimal,
      org: 'o',
      apiKey: 'k',
      model: 'm',
      ip: '1.2.3.4',
      userAgent: 'ua',
      ja4: 't13d',
      prompt: 'hi',
      system: 's',
      turns: 3,
      tools: [{ name: 'f' }],
      sdk: { 'X-Stainless-Lang': 'python' },
      maxTokens: 100,
      temperature: 0.7,
      topP: 1,
      seed: 42,
      n: 4,
      logprobs: 5,
      stream: true,
      status: 429,
      inputTokens: 10,
      outputTokens: 20,
      reasoningTokens: 5,
      latencyMs: 812.5,
    };
    const decoded = decodeExchange(full, at);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(Object.keys(decoded.value).sort()).toEqual(Object.keys(full).sort());
  });

  it('ignores unknown extra fields instead of rejecting the record', () => {
    const decoded = decodeExchange({ ...minimal, vendorField: { deep: true } }, at);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect('vendorField' in decoded.value).toBe(false);
  });

  it('reports file, line, field and reason for each problem', () => {
    const decoded = decodeExchange({ id: '', ts: 'yesterday', status: 700, n: 0 }, at);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    const byField = Object.fromEntries(decoded.issues.map((i) => [i.field, i]));
    expect(byField.id.reason).toMatch(/empty/);
    expect(byField.ts.reason).toMatch(/RFC 3339/);
    expect(byField.account.reason).toBe('is required');
    expect(byField.status.reason).toMatch(/HTTP status/);
    expect(byField.n.reason).toMatch(/>= 1/);
    for (const issue of decoded.issues) expect(issue).toMatchObject({ file: 'x.ndjson', line: 7 });
  });

  it('names nested fields with a dotted path', () => {
    const decoded = decodeExchange({ ...minimal, sdk: { 'X-Stainless-Lang': { nested: 1 } } }, at);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.issues[0].field).toBe('sdk.X-Stainless-Lang');
  });

  it('rejects a record that is not an object', () => {
    for (const input of [null, 3, 'text', [minimal]]) {
      const decoded = decodeExchange(input, at);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok)
        expect(decoded.issues[0]).toMatchObject({ field: null, reason: 'the record must be a JSON object' });
    }
  });

  it('rejects wrong types with the field named', () => {
    const decoded = decodeExchange({ ...minimal, temperature: '0.7', stream: 'yes', tools: {} }, at);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok)
      expect(decoded.issues.map((i) => i.field).sort()).toEqual(['stream', 'temperature', 'tools']);
  });
});

describe('decodeAccountEvent', () => {
  it('keeps kinds it does not read rather than rejecting them', () => {
    const decoded = decodeAccountEvent({ ts: 0, account: 'a', kind: 'password-reset' }, at);
    expect(decoded.ok && decoded.value.kind).toBe('password-reset');
  });

  it('validates country codes', () => {
    const decoded = decodeAccountEvent({ ts: 0, account: 'a', kind: 'signup', declaredCountry: 'USA' }, at);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.issues[0]).toMatchObject({ field: 'declaredCountry' });
  });

  it('accepts a full sign-up', () => {
    const signup = {
      ts: '2026-04-01T00:00:00Z',
      account: 'a',
      kind: 'signup',
      org: 'o',
      emailDomain: 'example.edu',
      emailLocalShape: 'aaaa.aaaaa99',
      paymentFingerprint: 'pf',
      cardBin: '411111',
      cardCountry: 'US',
      phoneCountry: 'US',
      declaredCountry: 'US',
      signupIp: '1.2.3.4',
      deviceId: 'd',
      ja4: 'j',
      route: 'education',
    };
    expect(decodeAccountEvent(signup, at).ok).toBe(true);
  });
});

describe('parseRfc3339', () => {
  it('is strict where Date.parse is lax', () => {
    expect(Number.isNaN(parseRfc3339('April 22, 2026'))).toBe(true);
    expect(Number.isNaN(parseRfc3339('2026-04-22'))).toBe(true);
    expect(parseRfc3339('2026-04-22T00:00:00Z')).toBe(Date.UTC(2026, 3, 22));
    expect(parseRfc3339('2026-04-22 00:00:00.5+00:00')).toBe(Date.UTC(2026, 3, 22) + 500);
  });
});
