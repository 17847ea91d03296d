import { describe, expect, it } from 'vitest';
import { decodeExchange } from '../core/schema.js';
import { fastExchange } from './decode.js';
import { handWrittenLog } from './test-support/logs.js';

const at = { file: 'f', line: 1 };
const base = {
  id: 'x1',
  ts: '2026-04-22T10:00:00.123Z',
  account: 'a1',
  org: 'o',
  apiKey: 'k',
  model: 'm',
  ip: '1.2.3.4',
  userAgent: 'ua',
  ja4: 'j',
  prompt: 'p',
  system: 's',
  turns: 2,
  tools: [{ name: 't' }],
  sdk: { 'X-Stainless-Lang': 'python', retries: 2, beta: true },
  maxTokens: 10,
  temperature: 0.5,
  topP: 1,
  seed: -3,
  n: 2,
  logprobs: 5,
  stream: true,
  status: 429,
  inputTokens: 1,
  outputTokens: 2,
  reasoningTokens: 0,
  latencyMs: 12.5,
  extra: { anything: [1, 2] },
};
const BAD_VALUES: unknown[] = [
  null,
  -1,
  0,
  1.5,
  '',
  'x',
  'yesterday',
  [],
  {},
  true,
  false,
  600,
  99,
  513,
  'a'.repeat(513),
  1e20,
];

describe('fastExchange', () => {
  it('decodes valid records exactly as the schema does', () => {
    const records = [base, ...handWrittenLog(1).exchanges.slice(0, 300), { id: 'y', ts: 5, account: 'b' }];
    for (const record of records) {
      const decoded = decodeExchange(JSON.parse(JSON.stringify(record)), at);
      expect(decoded.ok).toBe(true);
      expect(fastExchange(JSON.parse(JSON.stringify(record)))).toEqual(decoded.ok ? decoded.value : null);
    }
  });

  it('never accepts a record the schema rejects, whatever the field and value', () => {
    let rejectedBySchema = 0;
    for (const key of Object.keys(base)) {
      for (const bad of BAD_VALUES) {
        const record = JSON.parse(JSON.stringify({ ...base, [key]: bad })) as Record<string, unknown>;
        const decoded = decodeExchange(record, at);
        const fast = fastExchange(record);
        if (!decoded.ok) {
          rejectedBySchema++;
          expect(fast, `${key}=${JSON.stringify(bad)}`).toBeNull();
        } else if (fast !== null) {
          expect(fast).toEqual(decoded.value);
        }
      }
      const without = { ...base } as Record<string, unknown>;
      delete without[key];
      const decoded = decodeExchange(without, at);
      if (!decoded.ok) expect(fastExchange(without)).toBeNull();
    }
    expect(rejectedBySchema).toBeGreaterThan(200);
    for (const notRecord of [null, [], 'x', 5]) expect(fastExchange(notRecord)).toBeNull();
    expect(fastExchange({ ...base, fingerprint: {} })).toBeNull(); // left to the schema
  });
});
