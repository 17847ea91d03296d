import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapCapFor } from './heap.js';

const base = { execArgv: [], env: {}, capMiB: 4144, totalMiB: 24_000 };

describe('heap cap of a long scan', () => {
  it('runs scan again with three quarters of the machine', () => {
    expect(heapCapFor({ ...base, args: ['scan', 'x.ndjson', '--out', 'o'] })).toBe(18_000);
  });

  it('leaves other commands, given caps, a run already capped and small machines alone', () => {
    expect(heapCapFor({ ...base, args: ['eval', '--labels', 'l'] })).toBeNull();
    expect(heapCapFor({ ...base, args: [] })).toBeNull();
    expect(heapCapFor({ ...base, args: ['scan'], execArgv: ['--max-old-space-size=2000'] })).toBeNull();
    expect(
      heapCapFor({ ...base, args: ['scan'], env: { NODE_OPTIONS: '--max-old-space-size=9000' } }),
    ).toBeNull();
    expect(heapCapFor({ ...base, args: ['scan'], env: { DISTILLWATCH_HEAP_CAP: '18000' } })).toBeNull();
    expect(heapCapFor({ ...base, args: ['scan'], totalMiB: 4096 })).toBeNull();
  });

  it('the run again gets the cap, its heap tuning, the malloc threshold, the same arguments and exit code', () => {
    // A stand-in for main.ts: prints its heap cap and arguments, exits with the code it is given.
    const dir = mkdtempSync(join(tmpdir(), 'dw-heap-'));
    const script = join(dir, 'main.mjs');
    const heap = new URL('./heap.ts', import.meta.url).href;
    writeFileSync(
      script,
      `import { getHeapStatistics } from 'node:v8';
       const { runWithHeapCap } = await import(${JSON.stringify(heap)});
       const args = process.argv.slice(2);
       const rerun = runWithHeapCap(args);
       if (rerun !== null) process.exitCode = await rerun;
       else {
         console.log(JSON.stringify({ cap: getHeapStatistics().heap_size_limit / 2 ** 20, args, execArgv: process.execArgv, mark: process.env.DISTILLWATCH_HEAP_CAP ?? null, mmap: process.env.MALLOC_MMAP_THRESHOLD_ ?? null }));
         process.exitCode = Number(args.at(-1));
       }`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
    delete env.DISTILLWATCH_HEAP_CAP;
    delete env.MALLOC_MMAP_THRESHOLD_;
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, 'scan', 'in file.ndjson', '3'], {
      encoding: 'utf8',
      env,
    });
    const seen = JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
    expect(seen.args).toEqual(['scan', 'in file.ndjson', '3']);
    expect(run.status).toBe(3);
    if (seen.mark === null) {
      // This machine's default cap is already three quarters of its memory: nothing to raise.
      expect(seen.cap).toBeGreaterThan(0);
    } else {
      expect(Math.abs(seen.cap - Number(seen.mark))).toBeLessThan(Number(seen.mark) * 0.05);
      expect(seen.execArgv).toContain('--max-semi-space-size=64');
      expect(seen.execArgv).toContain('--heap-growing-percent=50');
      expect(seen.mmap).toBe('131072');
    }
  });
});
