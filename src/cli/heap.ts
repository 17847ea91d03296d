/**
 * The heap cap of a long `scan`. V8 caps each isolate's heap at about 4 GiB by default, whatever
 * the machine has, and `scan`'s campaign engine runs on the main thread with about 24-30 KB per
 * account (summaries, link keys, clusters; docs/pipeline.md, "Memory"): a full-scale world (about
 * 200,000 accounts) would need more than that cap and stop with "JavaScript heap out of memory"
 * hours in. The main isolate's cap can only be set when Node starts, so `scan` runs itself again,
 * once, with a cap of three quarters of the machine's memory (its worker threads inherit it),
 * unless a cap was given (`node --max-old-space-size`, NODE_OPTIONS) or the default is already
 * as large. The run again also gets larger young-generation semi-spaces (`SEMI_SPACE_MIB`), a
 * fixed growing factor of the old generation (`HEAP_GROWING_PERCENT`) and a fixed malloc
 * threshold (`MALLOC_ENV`).
 */
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { largeHeapCapMiB, SEMI_SPACE_MIB } from '../threads/start.js';

/** Commands that hold a whole world's accounts in memory. */
const LARGE_HEAP_COMMANDS = new Set(['scan']);
/** Set in the environment of the process run again, so it never runs itself once more. */
const RERUN_MARK = 'DISTILLWATCH_HEAP_CAP';
const CAP_FLAG = '--max-old-space-size';
const SEMI_SPACE_FLAG = '--max-semi-space-size';
const HEAP_GROWING_FLAG = '--heap-growing-percent';
/**
 * How far V8 lets the old generation grow past what survived the last full collection, in %.
 * Left to itself, V8 picks a factor of up to 4 for a heap cap this large, and the workers, which
 * allocate fast, ran at twice their live heap (2.4 GiB each at day 3 of scale 1 for ~0.9 live).
 * At 50% the opening of scale 1 peaked at 6.80 instead of 7.73 GiB, at 4% more CPU (inside the
 * run-to-run spread; docs/pipeline.md, "Memory").
 */
const HEAP_GROWING_PERCENT = 50;
/**
 * glibc's malloc raises its mmap threshold (up to 32 MiB) each time a large block is freed; large
 * blocks (line batches sent to the workers, V8's own tables) then come from the main thread's heap
 * and fragment it. At scale 1 that heap held 1.3 GiB, most of it free, a quarter of peak RSS.
 * Setting the threshold pins it at glibc's default of 128 KiB, so large blocks are returned when
 * freed: peak RSS 5.13 -> 4.06 GiB on a scale-1 sign-up load, 1.84 -> 1.58 GiB for all of
 * `alibaba-2026 --scale 0.05`, same speed and outputs (docs/pipeline.md, "Memory"). glibc reads it
 * only at start, hence the run again; a value in the environment is kept.
 */
const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: String(128 * 1024) };

/** What decides whether to run again (the process's own values, as parameters for tests). */
export interface HeapContext {
  /** The command line after `node main.js`. */
  args: readonly string[];
  execArgv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** This isolate's heap cap and the machine's memory, in MiB. */
  capMiB: number;
  totalMiB: number;
}

/** Whether node was started with `flag` (either spelling), in its arguments or NODE_OPTIONS. */
function flagGiven(context: Pick<HeapContext, 'execArgv' | 'env'>, flag: string): boolean {
  const given = [...context.execArgv, ...(context.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const underscored = flag.replace(/(?<=\w)-/g, '_');
  return given.some((arg) => arg.startsWith(flag) || arg.startsWith(underscored));
}

/** The heap cap, in MiB, to run again with, or null to run in this process. */
export function heapCapFor(context: HeapContext): number | null {
  if (!LARGE_HEAP_COMMANDS.has(context.args[0] ?? '')) return null;
  if (context.env[RERUN_MARK] !== undefined) return null;
  if (flagGiven(context, CAP_FLAG)) return null;
  const cap = largeHeapCapMiB(context.totalMiB);
  return cap > context.capMiB ? cap : null;
}

/**
 * Runs this command again in a child process with a larger heap cap when `heapCapFor` asks for
 * one; resolves with the child's exit code, or null when this process should run the command.
 * The child shares the terminal (progress bar); SIGINT, SIGTERM and SIGHUP sent to this process
 * are passed on, so a supervisor that stops it stops the scan.
 */
export function runWithHeapCap(args: readonly string[]): Promise<number> | null {
  const cap = heapCapFor({
    args,
    execArgv: process.execArgv,
    env: process.env,
    capMiB: getHeapStatistics().heap_size_limit / 2 ** 20,
    totalMiB: totalmem() / 2 ** 20,
  });
  if (cap === null) return null;
  const unlessGiven = (flag: string, value: number) => (flagGiven(process, flag) ? [] : [`${flag}=${value}`]);
  const tuning = [
    ...unlessGiven(SEMI_SPACE_FLAG, SEMI_SPACE_MIB),
    ...unlessGiven(HEAP_GROWING_FLAG, HEAP_GROWING_PERCENT),
  ];
  const child = spawn(
    process.execPath,
    [`${CAP_FLAG}=${cap}`, ...tuning, ...process.execArgv, process.argv[1] as string, ...args],
    { stdio: 'inherit', env: { ...MALLOC_ENV, ...process.env, [RERUN_MARK]: String(cap) } },
  );
  // Signals sent to this process go to the child (Ctrl-C reaches both: scan stops at the first).
  const forwarded: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of forwarded) process.on(signal, forward);
  return new Promise((resolve) => {
    const done = (code: number) => {
      for (const signal of forwarded) process.off(signal, forward);
      resolve(code);
    };
    child.once('error', (error) => {
      process.stderr.write(`distillwatch: cannot run with a larger heap (${error.message}); running as is\n`);
      done(-1);
    });
    child.once('exit', (code, signal) => done(code ?? (signal === null ? 1 : 128 + signalNumber(signal))));
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal as string] ?? 1;
}
