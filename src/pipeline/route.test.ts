import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../core/schema.js';
import { partitionOf, scanLineKeys } from './route.js';

const scan = (text: string) => {
  const buf = Buffer.from(`xx${text}yy`);
  return scanLineKeys(buf, 2, buf.length - 2);
};

describe('scanLineKeys', () => {
  it('finds top-level account and ts in any order and format', () => {
    expect(scan('{"id":"1","ts":1776816000000,"account":"a1","prompt":"hi"}')).toEqual({
      account: 'a1',
      ts: 1776816000000,
    });
    expect(
      scan(' { "prompt" : "say \\"account\\":\\"x\\"" , "account" : "a2", "ts":"2026-04-22T00:00:00Z"}'),
    ).toEqual({
      account: 'a2',
      ts: Date.parse('2026-04-22T00:00:00Z'),
    });
    expect(scan('{"account":"caf\\u00e9","ts":5}')).toEqual({ account: 'café', ts: 5 });
    expect(scan('{"account":"ü-ß","ts":5}').account).toBe('ü-ß');
  });

  it('reads RFC 3339 times exactly as the record schema does', () => {
    const times = [
      '2026-04-22T10:11:12Z',
      '2026-04-22T10:11:12.345Z',
      '2026-02-31T00:00:00Z',
      '2026-04-22T24:00:00Z',
      '2026-04-22T10:11:12+02:00',
      '2026-04-22t10:11:12z',
      '2026-04-22 10:11:12Z',
      '2026-13-01T00:00:00Z',
      '2026-04-22T10:11:1xZ',
      '2026-04-22T10:11:12.3Z',
    ];
    for (const t of times) expect(scan(`{"account":"a","ts":"${t}"}`).ts).toEqual(parseRfc3339(t));
  });

  it('never reads keys of nested objects or arrays', () => {
    const line =
      '{"tools":[{"account":"nested","ts":1,"x":["}"]}],"sdk":{"account":"n2"},"n":2,"ok":true,"z":null,"account":"top","ts":9}';
    expect(scan(line)).toEqual({ account: 'top', ts: 9 });
  });

  it('reports what it cannot read as null / NaN instead of guessing', () => {
    expect(scan('not json')).toEqual({ account: null, ts: Number.NaN });
    expect(scan('{"account":"a","ts":"yesterday"}').ts).toBeNaN();
    expect(scan('{"account":7,"ts":1}').account).toBeNull();
    expect(scan('{"account":"a"').ts).toBeNaN();
    expect(scan('{"account":"a","ts":"unterminated}').ts).toBeNaN();
  });
});

describe('partitionOf', () => {
  it('is stable and spreads accounts evenly', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[partitionOf(`acct_${i}`, 4)]++;
    for (const c of counts) expect(c).toBeGreaterThan(2_200);
    expect(partitionOf('x', 1)).toBe(0);
    expect(partitionOf('acct_1', 4)).toBe(partitionOf('acct_1', 4));
  });
});
