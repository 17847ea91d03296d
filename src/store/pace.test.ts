import { setImmediate as nextIteration } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
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
    // A clock the test moves, so a busy machine's pauses cannot use up a slice behind its back.
    let now = 1_000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      await turn();
      expect(pace()).toBeUndefined();
      now += SLICE_MS * 2; // busy for two slices
      const wait = pace();
      expect(wait).toBeInstanceOf(Promise);
      await wait;
      expect(pace()).toBeUndefined();
    } finally {
      clock.mockRestore();
    }
  });
});
