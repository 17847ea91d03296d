import { describe, expect, it } from 'vitest';
import { findRange4, findRange6, flattenIntervals, RangeBuilder } from './ranges.js';

describe('range tables', () => {
  it('finds IPv4 ranges by binary search, sorting unsorted input and merging neighbours', () => {
    const b = new RangeBuilder(1, 2);
    b.push4(100, 199, 7);
    b.push4(0, 49, 5);
    b.push4(50, 99, 5);
    b.push4(300, 400, 9);
    const t = b.finish();
    expect(t.size).toBe(3);
    expect(t.values[findRange4(t, 0)]).toBe(5);
    expect(t.values[findRange4(t, 99)]).toBe(5);
    expect(t.values[findRange4(t, 150)]).toBe(7);
    expect(findRange4(t, 250)).toBe(-1);
    expect(t.values[findRange4(t, 400)]).toBe(9);
    expect(findRange4(t, 401)).toBe(-1);
    expect(t.values[findRange4(t, 0xffffffff - 0)] ?? -1).toBe(-1);
  });

  it('finds 64-bit ranges with two-word compares', () => {
    const b = new RangeBuilder(2);
    b.push6(0x20010db8, 0, 0x20010db8, 0xffffffff, 1);
    b.push6(0x20010db9, 0x10, 0x20010db9, 0x1f, 2);
    const t = b.finish();
    expect(t.values[findRange6(t, 0x20010db8, 0x1234)]).toBe(1);
    expect(t.values[findRange6(t, 0x20010db9, 0x15)]).toBe(2);
    expect(findRange6(t, 0x20010db9, 0x20)).toBe(-1);
    expect(findRange6(t, 0x20010db7, 0xffffffff)).toBe(-1);
  });

  it('flattens overlapping intervals so the best rank wins', () => {
    const out = flattenIntervals([
      { start: 0n, end: 255n, value: 3, rank: 3 },
      { start: 16n, end: 31n, value: 0, rank: 0 },
      { start: 100n, end: 300n, value: 2, rank: 2 },
    ]);
    expect(out).toEqual([
      { start: 0n, end: 15n, value: 3 },
      { start: 16n, end: 31n, value: 0 },
      { start: 32n, end: 99n, value: 3 },
      { start: 100n, end: 300n, value: 2 },
    ]);
  });
});

describe('range table bucket index', () => {
  it('finds ranges that start in an earlier 16-bit bucket and agrees with a linear scan', () => {
    const b = new RangeBuilder(1);
    b.push4(0x0001fff0, 0x00030010, 1); // spans buckets 1..3
    b.push4(0x00030011, 0x00030020, 2);
    b.push4(0xfffffff0, 0xffffffff, 3); // the very last bucket
    const t = b.finish();
    expect(t.values[findRange4(t, 0x00025000)]).toBe(1);
    expect(t.values[findRange4(t, 0x00030010)]).toBe(1);
    expect(t.values[findRange4(t, 0x00030015)]).toBe(2);
    expect(findRange4(t, 0x00030021)).toBe(-1);
    expect(findRange4(t, 0x0001ffef)).toBe(-1);
    expect(t.values[findRange4(t, 0xffffffff)]).toBe(3);
    // random agreement with a linear scan
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed;
    };
    const rb = new RangeBuilder(1);
    let at = 0;
    const ranges: [number, number][] = [];
    while (ranges.length < 500) {
      const start = at + (random() % 5_000_000);
      const end = start + (random() % 3_000_000);
      if (end > 0xffffffff) break;
      ranges.push([start, end]);
      rb.push4(start, end, ranges.length);
      at = end + 1;
    }
    const rt = rb.finish();
    for (let k = 0; k < 2000; k++) {
      const key = random() % (at + 1000);
      const linear = ranges.findIndex(([s, e]) => s <= key && key <= e);
      const found = findRange4(rt, key);
      expect(found === -1 ? -1 : rt.values[found] - 1).toBe(linear);
    }
  });
});
