import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../core/schema.js';
import { fastExchange } from '../pipeline/decode.js';
import { simulateToMemory } from '../sim/index.js';
import { quickExchange } from './quick-exchange.js';

/** What the full way (JSON.parse, then the fast path) makes of a line: its three fields, or null. */
function fullWay(line: string): { id: string; ts: number; account: string } | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const record = fastExchange(value);
  return record && { id: record.id, ts: record.ts, account: record.account };
}

/** quickExchange on a line given as a string (inside a bigger buffer, to catch reads past its end). */
function quick(line: string): { id: string; ts: number; account: string } | null {
  const bytes = Buffer.from(`}"x:\n${line}\n,":]`);
  const start = 5;
  const found = quickExchange(bytes, start, bytes.length - 5);
  return found && { ...found };
}

/** Whatever quickExchange accepts, the full way accepts with the same fields (Object.is: -0 too). */
function expectSound(line: string): boolean {
  const fast = quick(line);
  if (fast === null) return false;
  const full = fullWay(line);
  expect(full, line).not.toBeNull();
  expect(fast.id, line).toBe(full!.id);
  expect(fast.account, line).toBe(full!.account);
  expect(Object.is(fast.ts, full!.ts), `${line}: ${fast.ts} vs ${full!.ts}`).toBe(true);
  return true;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('quickExchange (the parse worker fast path, from bytes)', () => {
  it('accepts simulated records with the fields the full way gives', async () => {
    const world = await simulateToMemory({ preset: 'small', seed: 3, days: 1 });
    let accepted = 0;
    for (const line of world.exchangeLines) if (expectSound(line)) accepted++;
    // Almost all (the rest, e.g. ids with escapes, go the full way).
    expect(accepted).toBeGreaterThan(world.exchangeLines.length * 0.95);
  });

  it('never accepts what the full way refuses, on thousands of mutated records', async () => {
    const world = await simulateToMemory({ preset: 'small', seed: 4, days: 1 });
    const next = random(7);
    const pieces = [
      '"',
      '\\',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      ' ',
      '\t',
      '0',
      '-',
      '1e9',
      '.',
      'e',
      '+',
      'true',
      'null',
      '\u0001',
      '\u00e9',
      '\\u00',
      '\\u0041',
      '"id":',
      '"ts":',
      '"account":',
      '"sdk":{"a":null}',
      '"turns":0',
      '"status":600',
      '"tools":[1,{"a":[]}]',
      '"fingerprint":{}',
      '"n":1.5',
      '"logprobs":2',
    ];
    let acceptedMutations = 0;
    for (let k = 0; k < 6000; k++) {
      let line = world.exchangeLines[Math.floor(next() * world.exchangeLines.length)];
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * (line.length + 1));
        const choice = next();
        if (choice < 0.3) line = line.slice(0, at) + line.slice(at + 1 + Math.floor(next() * 3));
        else if (choice < 0.8)
          line = line.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + line.slice(at);
        else line = line.slice(0, at) + line.slice(Math.floor(next() * line.length));
      }
      if (expectSound(line)) acceptedMutations++;
    }
    // Some mutations keep a valid record (inside a prompt, say); those are checked too.
    expect(acceptedMutations).toBeGreaterThan(100);
  });

  it('leaves the unusual to the full way, and reads numbers and times as JSON.parse does', () => {
    const base = '"ts":1000,"account":"a"';
    const refused = [
      `{"id":"x","id":5,${base}}`, // a field twice: each value must be good
      `{"id":"x","ts":1,"ts":"later",${base.slice(10)}}`,
      `{"\\u0069d":"x",${base}}`, // a key with an escape
      `{"id":"x\\u0041",${base}}`, // an id with an escape
      `{"id":"é",${base}}`, // a non-ASCII id
      `{"id":"x",${base},"fingerprint":{}}`, // precomputed fingerprints go to the schema
      `{"id":"x",${base},"sdk":{"a":null}}`,
      `{"id":"x",${base},"tools":{}}`,
      `{"id":"x",${base},"turns":0}`,
      `{"id":"x",${base},"n":1.5}`,
      `{"id":"x",${base},"status":99}`,
      `{"id":"x",${base},"temperature":-0.1}`,
      `{"id":"x",${base},"stream":1}`,
      `{"id":"","ts":1,"account":"a"}`,
      `{"id":"${'x'.repeat(513)}","ts":1,"account":"a"}`,
      '{"id":"x","ts":-1,"account":"a"}',
      '{"id":"x","ts":"2026-01-01","account":"a"}',
      '{"id":"x","ts":01,"account":"a"}',
      '{"id":"x","ts":1.,"account":"a"}',
      `{"id":"x",${base},}`,
      `{"id":"x",${base}} x`,
      `{"id":"x",${base},"p":"a\tb"}`, // a raw tab inside a string
      `{"id":"x",${base},"p":"\\x"}`,
      `{"id":"x",${base},"p":[1,]}`,
      `{"id":"x",${base},"p":${'['.repeat(70)}${']'.repeat(70)}}`,
      '{"id":"x","account":"a"}',
      '[]',
      '{}',
    ];
    for (const line of refused) expect(quick(line), line).toBeNull();

    const accepted = [
      `{"id":"x",${base},"p":"a\\"b\\\\c\\u00e9\\n","q":"é😀"}`,
      `  { "id" : "x" , "ts" : 1000 , "account" : "a" , "tools" : [ 1 , { "a" : [ ] } , null ] }  `,
      `{"id":"x",${base},"sdk":{"a":"b","c":1.5e3,"d":false,"a":true},"seed":-3,"logprobs":true}`,
      `{"id":"x",${base},"temperature":1e400,"topP":0,"n":1e2,"status":599,"maxTokens":0}`,
      `{"id":"x",${base},"p":${'['.repeat(60)}${']'.repeat(60)},"__proto__":{"id":1}}`,
      '{"id":"x","ts":-0,"account":"a"}',
      '{"id":"x","id":"y","ts":1,"account":"a","ts":2}', // the last value, as JSON.parse keeps it
      '{"id":"x","ts":1.5e12,"account":"a"}',
      '{"id":"x","ts":123456789012345678,"account":"a"}',
      '{"id":"x","ts":"2026-02-28T23:59:59.999Z","account":"a"}',
      '{"id":"x","ts":"2026-02-29T00:00:00.000Z","account":"a"}', // not a date: both ways
      '{"id":"x","ts":"2024-02-29T12:00:00.000Z","account":"a"}',
      '{"id":"x","ts":"2026-01-01T00:00:00+02:00","account":"a"}',
      '{"id":"x","ts":"2026-01-01 00:00:00z","account":"a"}',
    ];
    for (const line of accepted) expectSound(line);
    expect(quick(accepted[0])).not.toBeNull();
    expect(quick('{"id":"x","ts":-0,"account":"a"}')?.ts).toBe(-0);
    expect(quick('{"id":"x","id":"y","ts":1,"account":"a","ts":2}')).toEqual({
      id: 'y',
      ts: 2,
      account: 'a',
    });
  });

  it('reads RFC 3339 times as parseRfc3339 does', () => {
    const next = random(11);
    const two = (n: number) => String(n).padStart(2, '0');
    for (let k = 0; k < 5000; k++) {
      const year = 1000 + Math.floor(next() * 9000);
      const text = `${year}-${two(1 + Math.floor(next() * 13))}-${two(Math.floor(next() * 33))}T${two(Math.floor(next() * 25))}:${two(Math.floor(next() * 61))}:${two(Math.floor(next() * 61))}.${String(Math.floor(next() * 1000)).padStart(3, '0')}Z`;
      const line = `{"id":"x","ts":"${text}","account":"a"}`;
      const expected = parseRfc3339(text);
      const found = quick(line);
      if (Number.isFinite(expected) && expected >= 0) expect(found?.ts, text).toBe(expected);
      else expect(found, text).toBeNull();
    }
  });
});
