/**
 * How the package starts its worker threads, and the heap they get.
 *
 * V8 gives a worker the default heap cap (about 4 GiB) whatever its parent runs with, unless it
 * is started with `resourceLimits`; flags such as `--max-old-space-size` reach every thread, but a
 * thread started with limits of its own would start its workers back at the default. So every
 * thread is started here with its parent's limits, and a thread that holds a whole world's
 * accounts asks for `largeHeapLimits()`.
 */
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { isMainThread, type ResourceLimits, resourceLimits, Worker } from 'node:worker_threads';

/** Share of the machine's memory a whole world's accounts may take in one thread's heap. */
export const LARGE_HEAP_SHARE = 0.75;
/**
 * Young-generation semi-space size, in MiB, for threads that hold a whole world (V8's default is
 * 16). The campaign engine decodes each arriving summary and drops most of them within a tick;
 * with small semi-spaces many survive two scavenges, are promoted and then cost full collections
 * of a multi-GB heap. At scale 1 (first three days of `alibaba-2026`, 8 M exchanges) 64 MiB took
 * `scan` from 505.6 to 429.4 s and 855 to 708 CPU-s, outputs identical (docs/pipeline.md).
 */
export const SEMI_SPACE_MIB = 64;

/** This isolate's heap cap (old and young generations), in MiB. */
function ownCapMiB(): number {
  return Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
}

/** The heap cap, in MiB, for a thread that holds a whole world's accounts on a machine of `totalMiB`. */
export function largeHeapCapMiB(totalMiB = totalmem() / 2 ** 20): number {
  return Math.floor(totalMiB * LARGE_HEAP_SHARE);
}

/**
 * Limits for a thread that holds a whole world's accounts (the service's detection thread): the
 * large cap unless this isolate already has more, and `SEMI_SPACE_MIB` semi-spaces (V8 sizes the
 * young generation at three semi-spaces).
 */
export function largeHeapLimits(): ResourceLimits {
  return {
    maxOldGenerationSizeMb: Math.max(ownCapMiB(), largeHeapCapMiB()),
    maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MIB,
  };
}

/**
 * The limits this thread was started with, for the threads it starts; none on the main thread
 * and none in a thread whose heap the flags sized. `resourceLimits` reads V8's defaults in a
 * thread started without limits even when flags gave it more, so the limits are passed on only
 * when they add up to the heap this thread really has.
 */
export function inheritedLimits(): ResourceLimits | undefined {
  if (isMainThread) return undefined;
  const { maxOldGenerationSizeMb: old = 0, maxYoungGenerationSizeMb: young = 0 } = resourceLimits;
  return ownCapMiB() === old + young
    ? { maxOldGenerationSizeMb: old, maxYoungGenerationSizeMb: young }
    : undefined;
}

/**
 * Starts the thread entry `NAME` beside `callerUrl` (the caller's `import.meta.url`): `NAME.js`
 * from the built package; from source (tests, `tsx`) a small bootstrap registers tsx's loader in
 * the thread first, then imports `NAME.ts`.
 */
export function startThread(
  callerUrl: string,
  name: string,
  workerData: unknown,
  limits: ResourceLimits | undefined = inheritedLimits(),
): Worker {
  const options = { workerData, ...(limits ? { resourceLimits: limits } : {}) };
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** This thread's heap in use and its cap, in MiB (what `GET /v1/stats` reports of detection). */
export function heapMiB(): { used: number; limit: number } {
  return { used: Math.round(getHeapStatistics().used_heap_size / 2 ** 20), limit: ownCapMiB() };
}
