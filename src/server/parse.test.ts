import { describe, expect, it } from 'vitest';
import { columnText } from '../store/types.js';
import { parseAndPack, parseExchangeBatch } from './parse.js';
import { createParsePool } from './parse-pool.js';

const good = (i: number) =>
  `{"id":"x${i}","ts":"2026-01-01T00:00:0${i % 10}Z","account":"a${i % 3}","prompt":"p ${i}"}`;

describe('parsing an NDJSON batch of exchanges', () => {
  it('keeps good records as columns with their text and lists each bad one with index, line and reason', () => {
    const lines = [
      good(1),
      '',
      '{"id":"x2","ts":"yesterday","account":"a"}',
      'not json',
      // A precomputed fingerprint goes through the schema (not the fast path) and is accepted.
      '{"id":"x3","ts":5,"account":"a","fingerprint":{"template":"t","templateText":"","bands":[],"capabilities":[],"extraction":[],"language":"en","shape":{"turns":1,"tools":0,"contextBucket":"s","chars":3,"hasSystem":false}}}',
      '{"ts":6,"account":"a"}',
      good(4),
    ];
    const batch = parseExchangeBatch(Buffer.from(lines.join('\n')), 100);
    expect(batch.received).toBe(6);
    expect(batch.ids).toEqual(['x1', 'x3', 'x4']);
    expect(batch.ts).toEqual([Date.parse('2026-01-01T00:00:01Z'), 5, Date.parse('2026-01-01T00:00:04Z')]);
    expect(batch.accounts).toEqual(['a1', 'a', 'a1']);
    expect(batch.ids.map((_, i) => columnText(batch, i))).toEqual([lines[0], lines[4], lines[6]]);
    expect(Buffer.from(batch.lines).toString()).toBe([lines[0], lines[4], lines[6]].join('\n'));
    expect(batch.rejected.map((r) => [r.index, r.line, r.field])).toEqual([
      [1, 3, 'ts'],
      [2, 4, null],
      [4, 6, 'id'],
    ]);
    expect(batch.rejected[1].reason).toMatch(/^invalid JSON/);
    expect(batch.rejected[2].reason).toBe('id: is required');
  });

  it('refuses a batch over the record limit', () => {
    const body = Buffer.from([good(1), good(2), good(3)].join('\n'));
    expect(() => parseExchangeBatch(body, 2)).toThrow(/more than 2 records/);
  });

  it('gives the same answer on a parse worker as inline, with the texts packed', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => (i % 500 === 7 ? `{"id":"bad${i}"}` : good(i)));
    const body = Buffer.from(lines.join('\n'));
    expect(body.byteLength).toBeGreaterThan(64 * 1024);
    const pool = createParsePool(1, 10_000);
    try {
      const inline = parseAndPack(body, 10_000);
      // The pool takes the body: it moves to the worker thread.
      const fromWorker = await pool.parse(Buffer.from(body));
      expect(fromWorker).toEqual(inline);
      expect(fromWorker.packed?.data.byteLength).toBeGreaterThan(0);
      const small = createParsePool(1, 10);
      await expect(small.parse(Buffer.from(body))).rejects.toMatchObject({ status: 413 });
      await small.close();
    } finally {
      await pool.close();
    }
  });
});
