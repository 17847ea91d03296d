/**
 * A one-line progress display for long runs: redrawn at most every 200 ms on a TTY (stderr),
 * silent when stderr is not a terminal so logs and pipes stay clean, unless asked for a line
 * every so often (`--progress-every`: a run under nohup, systemd or CI then shows it is alive).
 */
import { OperatorError } from '../core/errors.js';

/** A progress display. */
export interface Progress {
  /** Updates the line; `render` is called only when a redraw is due. */
  update(render: () => string): void;
  /** Clears the line and prints a final message, if any. */
  done(message?: string): void;
}

/** Options of `createProgress`. */
export interface ProgressOptions {
  /** When the stream is not a TTY: print a whole line at most this often, in ms (default: never). */
  logEveryMs?: number;
  /** The clock, in ms (tests). */
  now?: () => number;
}

/** A progress line on stderr: redrawn on a TTY, logged every `logEveryMs` elsewhere, else a no-op. */
export function createProgress(
  stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY' | 'columns'> = process.stderr,
  { logEveryMs, now = Date.now }: ProgressOptions = {},
): Progress {
  if (!stream.isTTY) {
    if (logEveryMs === undefined) return { update() {}, done() {} };
    let last = now();
    return {
      update(render) {
        if (now() - last < logEveryMs) return;
        last = now();
        stream.write(`${render()}\n`);
      },
      done(message) {
        if (message) stream.write(`${message}\n`);
      },
    };
  }
  let last = 0;
  return {
    update(render) {
      const at = now();
      if (at - last < 200) return;
      last = at;
      const text = render();
      stream.write(`\r\x1b[K${text.slice(0, (stream.columns ?? 120) - 1)}`);
    },
    done(message) {
      stream.write('\r\x1b[K');
      if (message) stream.write(`${message}\n`);
    },
  };
}

/** Reads `--progress-every <seconds>` into `ProgressOptions` (undefined: the default). */
export function progressEvery(seconds: string | undefined): ProgressOptions {
  if (seconds === undefined) return {};
  const value = Number(seconds);
  if (seconds.trim() === '' || !Number.isFinite(value) || value < 0)
    throw new OperatorError('usage', `--progress-every must be a number of seconds >= 0, got '${seconds}'`);
  return { logEveryMs: value * 1000 };
}

/** The option's help text, the same for every command that has it. */
export const PROGRESS_EVERY_HELP =
  'when stderr is not a terminal, print a progress line every N seconds (default: quiet)';
