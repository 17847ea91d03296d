import { getHeapStatistics } from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { largeHeapCapMiB, largeHeapLimits, SEMI_SPACE_MIB, startThread } from './start.js';

/** The heap caps of a probe thread and the two it starts in turn, in MiB. */
async function probeCaps(limits?: ResourceLimits): Promise<number[]> {
  const worker = startThread(import.meta.url, 'test-support/heap-probe', { depth: 2 }, limits);
  try {
    return await new Promise<number[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe('startThread', () => {
  it("passes a thread's own limits on to the threads it starts (V8 would give them its default cap)", async () => {
    const caps = await probeCaps({ maxOldGenerationSizeMb: 1500, maxYoungGenerationSizeMb: 48 });
    expect(caps).toEqual([1548, 1548, 1548]);
  });

  it('leaves threads started from the main thread to the flags, as their own threads', async () => {
    const own = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
    expect(await probeCaps()).toEqual([own, own, own]);
  });
});

describe('largeHeapLimits', () => {
  it("asks for three quarters of the machine's memory, or this isolate's cap when larger, and large semi-spaces", () => {
    const own = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
    const limits = largeHeapLimits();
    expect(limits.maxOldGenerationSizeMb).toBe(Math.max(own, largeHeapCapMiB()));
    expect(limits.maxYoungGenerationSizeMb).toBe(3 * SEMI_SPACE_MIB);
  });
});
