/**
 * Thread priorities of the service: the HTTP thread answers inline lookups and must get a core
 * first; bulk ingest (parsing, storing) comes next and detection last. On Linux a thread can lower
 * its own priority (raise its nice value); the threads it starts later inherit it.
 */
import { readlinkSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/** Nice value of the threads of bulk ingest (parse workers, the store thread and DuckDB's threads). */
export const INGEST_NICE = 5;
/** Nice value of detection's threads. */
export const DETECTION_NICE = 10;

/** Lowers the calling thread's priority to `nice` (Linux; elsewhere, or when not permitted, a no-op). */
export function lowerThreadPriority(nice: number): void {
  if (nice <= 0) return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, nice);
  } catch {
    // Not Linux, or not permitted: the thread keeps its priority.
  }
}

/**
 * Names the calling thread (Linux: at most 15 bytes, shown by `top -H` and in
 * `/proc/<pid>/task/<tid>/comm`; the threads it starts later inherit it), so a thread's CPU can be
 * told from the others'. Elsewhere, or when not permitted, a no-op.
 */
export function nameThread(name: string): void {
  try {
    writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
  } catch {
    // Not Linux: the thread keeps its name.
  }
}

/**
 * Makes the worker threads started after this call compile their optimised code on their own
 * thread instead of handing it to V8's shared platform threads, which run at nice 0 whichever
 * thread asked: a replayed week (124k exchanges) had them compile ~3 CPU-s for detection's
 * threads, beside the HTTP thread and at its priority. Each worker then compiles at its own
 * priority (detection's at DETECTION_NICE). The calling thread's isolate exists already and keeps
 * compiling on the platform threads (the HTTP thread's code is small and warms up at once).
 */
export function compileOnOwnThreads(): void {
  setFlagsFromString('--no-concurrent-recompilation');
}
