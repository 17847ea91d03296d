/**
 * Thread priorities of the service: the HTTP thread answers inline lookups and must get a core
 * first; bulk ingest (parsing, storing) comes next and detection last. On Linux a thread can lower
 * its own priority (raise its nice value); the threads it starts later inherit it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/** Nice value of the threads of bulk ingest (parse workers, the store thread and DuckDB's threads). */
export const INGEST_NICE = 5;
/** Nice value of detection's threads where they cannot run in SCHED_IDLE (`idleThreadPriority`). */
export const DETECTION_NICE = 10;

/** The calling thread's Linux thread id, or null elsewhere. */
function threadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/**
 * Lowers the calling thread's priority to `nice` (Linux; elsewhere, or when not permitted, a
 * no-op). Never raises it: in a process started with a higher nice value (`nice -n 19
 * distillwatch serve`) the thread keeps that, even where the process may raise it (root).
 */
export function lowerThreadPriority(nice: number): void {
  if (nice <= 0) return;
  const tid = threadId();
  if (tid === null) return;
  try {
    if (getPriority(tid) >= nice) return;
    setPriority(tid, nice);
  } catch {
    // Not permitted: the thread keeps its priority.
  }
}

/** Linux's number for the SCHED_IDLE policy (`sched.h`). */
export const SCHED_IDLE = 5;

/**
 * Moves the calling thread to Linux's SCHED_IDLE class (the threads it starts later inherit it):
 * it then runs only on a core no normal thread wants, and a normal thread that wakes up takes the
 * core from it at once. A high nice value does not do that: the scheduler still lets the running
 * thread finish a slice of up to a few ms before a waking one gets the core, and that wait is
 * what an inline lookup's latency is made of when the cores are busy. Node has no call for it, so
 * util-linux's `chrt` sets it (once per thread). Returns false, and lowers the thread to
 * `fallbackNice` instead, where that is not possible (not Linux, no `chrt`, not permitted).
 */
export function idleThreadPriority(fallbackNice: number): boolean {
  const tid = threadId();
  if (tid === null) return false;
  const set = spawnSync('chrt', ['--idle', '--pid', '0', String(tid)], { stdio: 'ignore', timeout: 5000 });
  if (set.status === 0 && threadPolicy() === SCHED_IDLE) return true;
  lowerThreadPriority(fallbackNice);
  return false;
}

/** The calling thread's Linux scheduling policy (field 41 of its `stat`), or null elsewhere. */
export function threadPolicy(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const policy = Number(fields[41 - 3]);
    return Number.isInteger(policy) ? policy : null;
  } catch {
    return null;
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
 * priority (detection's in SCHED_IDLE). The calling thread's isolate exists already and keeps
 * compiling on the platform threads (the HTTP thread's code is small and warms up at once).
 */
export function compileOnOwnThreads(): void {
  setFlagsFromString('--no-concurrent-recompilation');
}
