import { describe, expect, it } from 'vitest';
import { appended } from './arrays.js';

describe('appended', () => {
  it('copies a short list, leaving the one given as it was', () => {
    const items = [1, 2, 3];
    const next = appended(items, 4);
    expect(next).toEqual([1, 2, 3, 4]);
    expect(items).toEqual([1, 2, 3]);
    expect(next).not.toBe(items);
  });

  it('keeps an item that is itself a list as one item', () => {
    expect(appended<number[]>([[1]], [2, 3])).toEqual([[1], [2, 3]]);
  });

  it('pushes onto a long list in place', () => {
    const items = Array.from({ length: 16 }, (_, i) => i);
    const next = appended(items, 16);
    expect(next).toBe(items);
    expect(items).toHaveLength(17);
    expect(items.at(-1)).toBe(16);
  });

  it('grows a list one item at a time to the same contents as push', () => {
    let grown: string[] = [];
    const pushed: string[] = [];
    for (let i = 0; i < 40; i++) {
      grown = appended(grown, `k${i}`);
      pushed.push(`k${i}`);
    }
    expect(grown).toEqual(pushed);
  });
});
