import { setImmediate as nextIteration } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { pace, SLICE_MS, turn } from './pace.js';

describe('pace', () => {
  it('grants one turn per event-loop iteration, in the order asked', async () => {
    const order: string[] = [];
    const waits = ['a', 'b', 'c'].map((name) => turn().then(() => order.push(name)));
    // A plain immediate queued now runs before the second turn: turns never take a whole iteration together.
    const between = nextIteration().then(() => order.push('other'));
    await Promise.all([...waits, between]);
    expect(order.indexOf('a')).toBeLessThan(order.indexOf('b'));
    expect(order.indexOf('b')).toBeLessThan(order.indexOf('c'));
    expect(order.indexOf('other')).toBeLessThan(order.indexOf('c'));
  });

  it('lets work run on until its slice is used up', async () => {
    await turn();
    expect(pace()).toBeUndefined();
    const start = performance.now();
    while (performance.now() - start < SLICE_MS * 2) {
      // busy for two slices
    }
    const wait = pace();
    expect(wait).toBeInstanceOf(Promise);
    await wait;
    expect(pace()).toBeUndefined();
  });
});
